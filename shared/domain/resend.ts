import type { Appointment, Patient, Reminder } from "./types.js";

/** Why a copy may not go: a stable code and words a front desk can act on (the API's 409). */
export interface ResendRefusal {
  code: "not-sent" | "stale" | "copy-pending" | "no-email";
  message: string;
}

/** The reminder a copy copies: copies of a copy all point to the first one. */
export const originalOf = (reminder: Reminder): string => reminder.resendOf ?? reminder.id;

/**
 * Whether a copy of `reminder` may be sent to the patient now, or why not. A copy is rendered from the
 * appointment as it is when it goes out, so it must still be true then:
 * - Only a reminder that went out (`sent`) or could not (`failed`) has a copy. A scheduled one is still
 *   on its way; a skipped or cancelled one was held back on purpose (no consent, a cancelled session…).
 * - A confirmation, preparation or day-before reminder: only while the appointment is booked and has not
 *   started (a copy for a cancelled appointment would tell the patient to come).
 * - A reschedule notice: as those, and only the latest one (an older one names a time that moved again).
 * - A cancellation notice: only while its time is still ahead (after it, it tells nobody anything).
 * - A booster invitation: only while the patient still wants them.
 * - One copy at a time: while a copy of the same reminder waits to go, another is refused.
 * - The patient must accept email (consent, an address that did not bounce or complain): the sender would
 *   skip the copy anyway, and staff should hear it now.
 */
export function resendRefusal(args: {
  appointment: Appointment;
  reminder: Reminder;
  patient: Pick<Patient, "emailConsent" | "emailStatus" | "boosterOptOut">;
  now: string;
}): ResendRefusal | undefined {
  const { appointment, reminder, patient, now } = args;
  if (reminder.status !== "sent" && reminder.status !== "failed") {
    return {
      code: "not-sent",
      message:
        reminder.status === "scheduled"
          ? "This email has not gone out yet; it is on its way."
          : `This email was ${reminder.status} on purpose (${reminder.reason ?? "no reason recorded"}), so there is nothing to send again.`,
    };
  }
  const stale = staleness(appointment, reminder, now);
  if (stale) return { code: "stale", message: stale };
  if (reminder.kind === "booster" && patient.boosterOptOut)
    return { code: "stale", message: "The patient asked for no more of these invitations." };
  const original = originalOf(reminder);
  if (appointment.reminders.some((r) => r.status === "scheduled" && r.resendOf === original))
    return { code: "copy-pending", message: "A copy of this email is already on its way." };
  if (!patient.emailConsent)
    return { code: "no-email", message: "The patient has not agreed to email: call them instead." };
  if (patient.emailStatus !== "ok")
    return {
      code: "no-email",
      message: `The patient's address ${patient.emailStatus === "bounced" ? "bounced" : "complained"}: correct it first (PATCH /patients).`,
    };
  return undefined;
}

function staleness(appointment: Appointment, reminder: Reminder, now: string): string | undefined {
  const upcoming = appointment.status === "booked" && appointment.start > now;
  switch (reminder.kind) {
    case "confirmation":
    case "preparation":
    case "reminder":
      return upcoming
        ? undefined
        : `The appointment is ${describe(appointment, now)}: this email would no longer be true.`;
    case "reschedule": {
      if (!upcoming)
        return `The appointment is ${describe(appointment, now)}: this notice would no longer be true.`;
      const latest = appointment.reminders
        .filter((r) => r.kind === "reschedule" && r.resendOf === undefined)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .at(-1);
      return latest?.id === originalOf(reminder)
        ? undefined
        : "The appointment moved again since this notice: its latest notice says where it is now.";
    }
    case "cancellation":
      if (appointment.status !== "cancelled") return "The appointment is not cancelled.";
      return appointment.start > now
        ? undefined
        : "The cancelled time has passed: this notice would tell nothing.";
    case "booster":
      return undefined;
  }
}

function describe(appointment: Appointment, now: string): string {
  return appointment.status === "booked" && appointment.start <= now
    ? "under way or over"
    : appointment.status;
}

/** The copy itself: a reminder of its own, due now, worded as the one it copies. */
export function resendCopy(reminder: Reminder, id: string, now: string): Reminder {
  return {
    id,
    kind: reminder.kind,
    dueAt: now,
    status: "scheduled",
    ...(reminder.previousStart !== undefined ? { previousStart: reminder.previousStart } : {}),
    ...(reminder.notice !== undefined ? { notice: reminder.notice } : {}),
    resendOf: originalOf(reminder),
    version: 1,
  };
}
