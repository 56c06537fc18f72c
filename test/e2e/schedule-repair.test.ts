import { DeleteScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { afterEach, describe, expect, it } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/dynamodb-local.js";
import type { Appointment, Reminder } from "../../shared/domain/types.js";
import { longDateTime } from "../../shared/email/local-format.js";
import { scheduleName } from "../../shared/ports/reminder-scheduler.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

const stacks: LocalStackHarness[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((h) => h.stack.stop()));
});

async function start() {
  const h = await localStackHarness();
  stacks.push(h);
  const patient = await h.call("POST", "/patients", {
    firstName: "Robin",
    lastName: "Repair",
    email: `repair-${crypto.randomUUID()}@example.com`,
    emailConsent: true,
  });
  return { h, patient: patient.body as { id: string; email: string } };
}

const hasSchedule = (h: LocalStackHarness, reminderId: string) =>
  h.stack.scheduler.list().some((s) => s.Name === scheduleName(reminderId));

/** Every pending reminder is still to come and has its schedule; nothing due was left behind. */
function assertConverged(h: LocalStackHarness, appointment: Appointment) {
  const now = h.stack.clock.now().toISOString();
  const pending = appointment.reminders.filter((r) => r.status === "scheduled");
  for (const r of pending) {
    expect(r.dueAt > now, `${r.kind} due ${r.dueAt} still pending at ${now}`).toBe(true);
    expect(hasSchedule(h, r.id), `${r.kind} has no schedule`).toBe(true);
  }
}

describe("saving a reminder again repairs it", () => {
  it("a re-save (reschedule to the same time) makes a lost schedule again, and tells the patient nothing", async () => {
    const { h, patient } = await start();
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.id,
      service: "consultation",
      start: "2026-12-03T10:00:00-05:00",
    });
    await h.stack.settle();
    const dayBefore = (booked.body as Appointment).reminders.find((r) => r.kind === "reminder")!;
    expect(hasSchedule(h, dayBefore.id)).toBe(true);

    // The schedule is lost (say schedule-sync's batch went to its dead-letter queue and aged out).
    const scheduler = new SchedulerClient({
      endpoint: h.stack.scheduler.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    await scheduler.send(
      new DeleteScheduleCommand({ Name: scheduleName(dayBefore.id), GroupName: "clinic-reminders" }),
    );
    expect(hasSchedule(h, dayBefore.id)).toBe(false);

    // The README's recovery step.
    const resaved = await h.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: booked.body.start,
    });
    expect(resaved.status).toBe(200);
    await h.stack.settle();
    expect(hasSchedule(h, dayBefore.id)).toBe(true);
    expect((resaved.body as Appointment).reminders.some((r) => r.kind === "reschedule")).toBe(false);

    const emailsBefore = (await h.emailsTo(patient.email)).length;
    await h.call("POST", "/local/clock", { now: dayBefore.dueAt }, "admin");
    const emails = await h.emailsTo(patient.email);
    expect(emails).toHaveLength(emailsBefore + 1);
    expect(emails.at(-1)!.subject).toMatch(/reminder/i);
  });

  it("quick successive moves leave every reminder sent or scheduled, and the patient told the last time", async () => {
    const { h, patient } = await start();
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.id,
      service: "consultation",
      start: "2026-12-03T10:00:00-05:00",
    });
    // Three changes before schedule-sync has seen any of them.
    for (const start of [
      "2026-12-04T11:00:00-05:00",
      "2026-12-07T09:00:00-05:00",
      "2026-12-07T14:00:00-05:00",
    ]) {
      const moved = await h.call("POST", `/appointments/${booked.body.id}/reschedule`, { start });
      expect(moved.status).toBe(200);
    }
    await h.stack.settle();
    const after = (await h.call("GET", `/appointments/${booked.body.id}`)).body as Appointment;
    assertConverged(h, after);

    const emails = await h.emailsTo(patient.email);
    const sent = after.reminders.filter((r: Reminder) => r.status === "sent");
    expect(sent.map((r) => r.messageId).sort()).toEqual(emails.map((e) => e.messageId).sort());
    expect(emails.at(-1)!.body.text).toContain(longDateTime(after.start, "America/New_York"));
  });
});
