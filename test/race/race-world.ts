import type fc from "fast-check";
import { DateTime } from "luxon";
import { DynamoDbStore } from "../../shared/adapters/dynamodb/dynamodb-store.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { CapacityTaken, RuleViolation } from "../../shared/domain/errors.js";
import type { Appointment, ProtocolId } from "../../shared/domain/types.js";
import { randomIds } from "../../shared/ports/id-source.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import { bookAppointment } from "../../shared/use-cases/book-appointment.js";
import type { Deps } from "../../shared/use-cases/deps.js";
import { Conflict, StaleWrite } from "../../shared/use-cases/errors.js";
import { createPatient } from "../../shared/use-cases/patients.js";
import { type ReminderDeps, sendReminder } from "../../shared/use-cases/send-reminder.js";
import { type FreshTable, freshTable } from "../support/dynamodb.js";
import { Interleaver } from "../support/interleavings.js";
import { TestClock } from "../support/test-clock.js";

/** Monday 30 November 2026, 08:00 in New York. Each run starts its own week after it, so runs never meet. */
const FIRST_MONDAY_MS = Date.parse("2026-11-30T13:00:00.000Z");
const WEEK_MS = 7 * 86_400_000;

/** One email as the recording mailer saw it, in send order. */
export interface SentEmail extends OutgoingEmail {
  messageId: string;
}

/**
 * What one property run works in: the real DynamoDB store on a table shared by the runs of a file, its own
 * clock set to its own week (`weeksApart` weeks after the previous run's), with the booking hold only if
 * `hold`, and two sets of ports: `setup`
 * (ungated, to arrange and to check) and `race` (every store call, email and retry pause scheduled).
 */
export async function raceWorlds(options: { clinic?: Clinic; weeksApart?: number; hold?: boolean } = {}) {
  let table: FreshTable | undefined;
  let run = 0;
  return async (scheduler: fc.Scheduler) => {
    table ??= await freshTable("race");
    const clock = new TestClock(
      new Date(FIRST_MONDAY_MS + run++ * (options.weeksApart ?? 1) * WEEK_MS).toISOString(),
    );
    const real = new DynamoDbStore(table.storeClient, table.tableName, () =>
      Math.floor(clock.now().getTime() / 1000),
    );
    const interleaver = new Interleaver(scheduler);
    // Without the booking hold unless asked: these races are about emails due the moment a booking lands.
    const clinicDefaults = {
      ...(options.clinic ?? DEFAULT_CLINIC),
      ...(options.hold ? {} : { notificationDelayMinutes: 0 }),
    };
    const emails: SentEmail[] = [];
    const mailer: Mailer = {
      async send(email) {
        const messageId = `message-${emails.length + 1}`;
        emails.push({ ...email, messageId });
        return messageId;
      },
    };
    const setup: ReminderDeps = {
      store: real,
      clock,
      ids: randomIds,
      clinicDefaults,
      mailer,
      senderEmail: "reminders@clinic.example",
    };
    const race: ReminderDeps = {
      ...setup,
      store: interleaver.gate(real, "store"),
      mailer: interleaver.gate(mailer, "mailer"),
      pause: interleaver.pause,
    };
    return { clock, store: real, setup, race, interleaver, emails, table };
  };
}

export type RaceWorld = Awaited<ReturnType<Awaited<ReturnType<typeof raceWorlds>>>>;

/** A patient, eligible for `protocols` as a consultation outcome would make them. */
export async function patientFor(deps: Deps, protocols: ProtocolId[] = []) {
  const { body: patient } = await createPatient(deps, {
    firstName: "Sam",
    lastName: "Race",
    email: `race-${randomIds()}@example.com`,
    emailConsent: true,
  });
  if (protocols.length === 0) return patient;
  const eligible = { ...patient, eligibleProtocols: protocols, version: patient.version + 1 };
  await deps.store.commit({ updatePatient: eligible });
  return eligible;
}

/** Sends every reminder of the appointment that is due and still pending, as its schedules would, until none is. */
export async function deliverDue(deps: ReminderDeps, appointmentId: string): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const appointment = await deps.store.getAppointment(appointmentId);
    const now = deps.clock.now().toISOString();
    const due = (appointment?.reminders ?? []).filter((r) => r.status === "scheduled" && r.dueAt <= now);
    if (due.length === 0) return;
    for (const r of due) await sendReminder(deps, { appointmentId, reminderId: r.id, dueAt: r.dueAt });
  }
  throw new Error("reminders kept falling due");
}

/** Every email went to exactly one reminder shown as sent with its message id, and every such reminder had one. */
export function emailsMatchSentReminders(appointments: Appointment[], emails: SentEmail[]) {
  const sent = appointments.flatMap((a) => a.reminders.filter((r) => r.status === "sent"));
  return {
    emails: emails.map((e) => e.messageId).sort(),
    sentReminders: sent.map((r) => r.messageId ?? `(no message id on ${r.kind})`).sort(),
  };
}

/** `hour`:00 in New York on the day `days` after the run's Monday (`now`, the run's clock). */
export function runDayAt(now: Date, days: number, hour: number): string {
  return DateTime.fromJSDate(now, { zone: DEFAULT_CLINIC.timezone })
    .plus({ days })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toUTC()
    .toISO()!;
}

/** How a use case that lost a race may answer: a rule, capacity, a state, a change it lost to. Anything else is a bug. */
export const refusedAsExpected = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ||
  r.reason instanceof CapacityTaken ||
  r.reason instanceof Conflict ||
  r.reason instanceof StaleWrite ||
  r.reason instanceof RuleViolation;

/** A new patient's consultation at `start`, booked outside the race. */
export async function bookedConsultation(deps: Deps, start: string) {
  const patient = await patientFor(deps);
  return (await bookAppointment(deps, { patientId: patient.id, service: "consultation", start })).body;
}
