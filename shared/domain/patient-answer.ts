import type { Clinic } from "./clinic.js";
import type { PatientAction } from "./patient-link.js";
import type { Appointment } from "./types.js";
import { instantMs } from "./wall-clock.js";

/**
 * Why a validly signed link cannot do what it offers. Each one shows a page that asks the patient to call
 * the clinic, and changes nothing.
 * - `moved`: the appointment has another time than the one the email named (a newer email has links).
 * - `started`: its time has come, or it was marked completed or a no-show.
 * - `cancelled`: it was called off already (by the patient or by staff).
 * - `already-confirmed`: a Confirm link pressed again.
 * - `too-late-to-cancel`: inside the clinic's notice window: the chair, the nurse and often a prepared
 *   dose are already committed, so the front desk wants to hear it in person.
 */
export type AnswerRefusal = "moved" | "started" | "cancelled" | "already-confirmed" | "too-late-to-cancel";

// Not slot-grid's: that module brings Luxon, which send-reminder (it prints this deadline) leaves out.
const HOUR_MS = 3_600_000;

/** The last moment a patient may cancel from a link: `cancellationNoticeHours` elapsed hours before the start. */
export function cancellationDeadline(clinic: Pick<Clinic, "cancellationNoticeHours">, start: string): string {
  return new Date(instantMs(start) - clinic.cancellationNoticeHours * HOUR_MS).toISOString();
}

/**
 * Whether the patient may do `action` to this appointment now, through a link sent for `linkStart`.
 * Undefined when they may; the refusal otherwise.
 */
export function answerRefusal(args: {
  action: PatientAction;
  appointment: Pick<Appointment, "status" | "start" | "confirmation">;
  linkStart: string;
  clinic: Pick<Clinic, "cancellationNoticeHours">;
  now: string;
}): AnswerRefusal | undefined {
  const { action, appointment, now } = args;
  if (appointment.status === "cancelled") return "cancelled";
  if (appointment.status !== "booked" || instantMs(appointment.start) <= instantMs(now)) return "started";
  if (instantMs(appointment.start) !== instantMs(args.linkStart)) return "moved";
  if (action === "confirm" && appointment.confirmation === "confirmed") return "already-confirmed";
  if (action === "cancel" && instantMs(now) > instantMs(cancellationDeadline(args.clinic, appointment.start)))
    return "too-late-to-cancel";
  return undefined;
}
