import type { Clinic } from "./clinic.js";
import type { Appointment, ReminderKind } from "./types.js";

const MINUTE_MS = 60_000;

/**
 * When a booking's hold ends: emails due at booking go out no earlier (`notificationDelayMinutes` after it
 * was booked). A move keeps the booking's own hold: moving it does not make it new.
 */
export function holdEndsAt(clinic: Pick<Clinic, "notificationDelayMinutes">, bookedAt: string): string {
  return new Date(new Date(bookedAt).getTime() + clinic.notificationDelayMinutes * MINUTE_MS).toISOString();
}

/** Notices about a change: once one is planned, the patient hears of the booking. */
const NOTICES: ReadonlySet<ReminderKind> = new Set(["cancellation", "reschedule"]);

/**
 * Whether a change to this booking (a cancellation, a move) may tell the patient nothing, because they
 * have heard nothing of it: its hold is still running, none of its emails went out or failed on the way,
 * and no notice of an earlier change is planned. Even then an email of it may be in a sender's hands this
 * very moment (a schedule handed over early, a retry): the change is written only if no sender holds any
 * of its reminders (`ChangeSet.remindersUnclaimed`), and decided again, telling the patient, if one does.
 */
export function mayChangeSilently(
  appointment: Pick<Appointment, "createdAt" | "reminders">,
  clinic: Pick<Clinic, "notificationDelayMinutes">,
  now: string,
): boolean {
  if (new Date(now).getTime() >= new Date(holdEndsAt(clinic, appointment.createdAt)).getTime()) return false;
  return appointment.reminders.every(
    (r) => r.status !== "sent" && r.status !== "failed" && !NOTICES.has(r.kind),
  );
}
