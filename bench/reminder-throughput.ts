import { randomUUID } from "node:crypto";
import type { Appointment } from "../shared/domain/types.js";
import type { BenchStack } from "./bench-stack.js";
import { forEachLimit, patientRecord } from "./fixtures.js";
import { round, since } from "./stats.js";

export interface ThroughputResult {
  reminders: number;
  /** Stream → schedule-sync → one schedule per reminder, before the clock moves (not part of the budget). */
  schedulingSeconds: number;
  schedulesCreated: number;
  /** From advance() until the last due schedule has fired, i.e. its email was handed to SES. */
  allSentSeconds: number;
  /** Until advance() returned: the sends' own stream records processed too. */
  settledSeconds: number;
  emailsInSes: number;
  sent: number;
  notSent: Record<string, number>;
  emailsPerSecond: number;
  deadLetters: number;
}

/**
 * 1,000 reminders falling due at one instant. The appointments and their reminder records are written
 * straight through the store (one transaction each, with the patient), exactly as a booking leaves them;
 * the stream and schedule-sync then create the schedules, and one advance() past the due time fires them
 * all through send-reminder into the SES emulator.
 */
export async function measureReminderThroughput(bench: BenchStack, count = 1_000): Promise<ThroughputResult> {
  const { stack } = bench;
  const now = stack.clock.now();
  const dueAt = new Date(now.getTime() + 3_600_000).toISOString();
  const start = new Date(now.getTime() + 26 * 3_600_000);
  const nowIso = now.toISOString();

  await forEachLimit(
    Array.from({ length: count }, (_, n) => n),
    16,
    async (n) => {
      const patient = patientRecord(nowIso, { n });
      // Spread over the day so no slot is "overbooked" (capacity is not written here, only the appointment).
      const startMs = start.getTime() + (n % 40) * 15 * 60_000;
      const appointment: Appointment = {
        id: randomUUID(),
        patientId: patient.id,
        service: "consultation",
        resource: "office",
        start: new Date(startMs).toISOString(),
        end: new Date(startMs + 3_600_000).toISOString(),
        status: "booked",
        confirmation: "unconfirmed",
        reminders: [{ id: randomUUID(), kind: "reminder", dueAt, status: "scheduled", version: 1 }],
        version: 1,
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      await stack.store.commit({ createPatient: patient, createAppointments: [appointment] });
    },
  );
  const emailsBefore = (await stack.ses.store()).length;

  let t = performance.now();
  await stack.settle();
  const schedulingSeconds = since(t) / 1000;
  const schedulesCreated = stack.scheduler.list().length;

  // send-reminder records the outcome (an UpdateItem) only after SES accepted the email, and claims with
  // one before: the 2n-th UpdateItem marks the last email sent. Reading a counter costs the run nothing,
  // unlike polling the SES store or the emulator's schedule list.
  bench.dynamo.reset();
  t = performance.now();
  let allSentMs = Number.NaN;
  const watch = setInterval(() => {
    if (Number.isNaN(allSentMs) && bench.dynamo.count("DynamoDB.UpdateItem") >= 2 * count)
      allSentMs = since(t);
  }, 5);
  const { fired } = await stack.advance(new Date(new Date(dueAt).getTime() + 60_000));
  const settledMs = since(t);
  clearInterval(watch);
  if (Number.isNaN(allSentMs)) allSentMs = settledMs;

  const emails = (await stack.ses.store()).slice(emailsBefore);
  const notSent: Record<string, number> = {};
  for (const f of fired) {
    if (f.result === "sent") continue;
    const key = `${f.result}${f.reason ? `:${f.reason}` : ""}`;
    notSent[key] = (notSent[key] ?? 0) + 1;
  }
  const deadLetters = stack.deadLetters();
  return {
    reminders: count,
    schedulingSeconds: round(schedulingSeconds, 2),
    schedulesCreated,
    allSentSeconds: round(allSentMs / 1000, 2),
    settledSeconds: round(settledMs / 1000, 2),
    emailsInSes: emails.length,
    sent: fired.filter((f) => f.result === "sent").length,
    notSent,
    emailsPerSecond: round(emails.length / (allSentMs / 1000), 1),
    deadLetters: deadLetters.schedules.length + deadLetters.invokes.length + deadLetters.stream.length,
  };
}
