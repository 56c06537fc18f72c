import { DateTime } from "luxon";
import { RuleViolation } from "./errors.js";
import { revised } from "./revision.js";
import type { Appointment, AppointmentStatus, RemsFormRecord } from "./types.js";

/**
 * The esketamine REMS program asks for a Patient Monitoring Form for every treatment session, within 7 days
 * of it. This file holds that rule: which sessions owe a form, by when, and what a clinician may record.
 */

export const REMS_FORM_STATUSES = ["due", "overdue", "submitted"] as const;
/** `due` until its due time, `overdue` after it, `submitted` once a clinician recorded it (whenever that was). */
export type RemsFormStatus = (typeof REMS_FORM_STATUSES)[number];

/** Days after the session's date the form may still be filed. */
export const REMS_FORM_DAYS = 7;

/** One form a session owes (or owed): what the front desk chases, and what the listing returns. */
export interface RemsForm {
  appointmentId: string;
  patientId: string;
  /** The session's clinic-local date. */
  sessionDate: string;
  /** The last instant the form is on time (see `remsFormDueBy`). */
  dueBy: string;
  /** When it was filed with the program, as the clinician recorded it; absent while still to file. */
  submittedAt?: string;
}

type Session = Pick<Appointment, "service" | "protocolId">;

/** An esketamine session: one of the protocol's own, or a booster of an esketamine series. */
export function isRemsSession(a: Session): boolean {
  return a.service === "esketamine" || (a.service === "booster" && a.protocolId === "esketamine");
}

/** Only a session that took place owes a form: a booked, cancelled or missed one does not. */
export function owesRemsForm(a: Session & Pick<Appointment, "status">): boolean {
  return isRemsSession(a) && a.status === "completed";
}

/**
 * The end of the 7th clinic-local day after the session's date (23:59:59.999 there), as a UTC instant.
 * Days, not 168 hours from the session: the program counts days, and the front desk works in dates, so a
 * form for a Tuesday session is due "by next Tuesday" whatever time the session ended. Counted on the
 * clinic's calendar with Luxon, so a week across a DST change ends at local midnight too (it is 167 or
 * 169 hours long then), and a late-evening session is dated on the clinic's day, not UTC's.
 */
export function remsFormDueBy(sessionDate: string, zone: string): string {
  const day = DateTime.fromISO(sessionDate, { zone });
  if (!day.isValid) throw new RangeError(`not a date in ${zone}: ${sessionDate}`);
  return day.plus({ days: REMS_FORM_DAYS }).endOf("day").toUTC().toISO()!;
}

/** The session's clinic-local date: the date it is filed under, or its start read in the clinic's zone. */
export function sessionDateOf(a: Pick<Appointment, "date" | "start">, zone: string): string {
  return a.date ?? DateTime.fromISO(a.start, { zone }).toISODate()!;
}

/** The form an appointment owes, as it stands (submitted or not); undefined when it owes none. */
export function remsFormOf(a: Appointment, zone: string): RemsForm | undefined {
  if (!owesRemsForm(a)) return undefined;
  const sessionDate = sessionDateOf(a, zone);
  return {
    appointmentId: a.id,
    patientId: a.patientId,
    sessionDate,
    dueBy: remsFormDueBy(sessionDate, zone),
    ...(a.remsForm ? { submittedAt: a.remsForm.submittedAt } : {}),
  };
}

/** The session dates of the last `days` clinic-local days up to today, as a listing's default window. */
export function recentSessionDates(now: string, zone: string, days: number): { from: string; to: string } {
  const today = DateTime.fromISO(now, { zone });
  return { from: today.minus({ days: days - 1 }).toISODate()!, to: today.toISODate()! };
}

/** Where a form stands at `now`. Due up to and including its due instant. */
export function remsFormStatus(form: Pick<RemsForm, "dueBy" | "submittedAt">, now: string): RemsFormStatus {
  if (form.submittedAt !== undefined) return "submitted";
  return Date.parse(now) > Date.parse(form.dueBy) ? "overdue" : "due";
}

/** Why an appointment takes no form or no change of attendance: a state the object is in (409). */
export interface RemsRefusal {
  code: "not-a-rems-session" | "not-completed" | "rems-form-recorded";
  message: string;
}

/** What a clinician records: when the form was filed with the program, and the program's reference. */
export interface RemsFormInput {
  submittedAt: string;
  reference?: string;
}

/**
 * Records a session's monitoring form: the appointment as it becomes, or `unchanged` for a repeat of what is
 * recorded already (a retry after a lost response), or a refusal. The first record stands: a different one
 * later is refused, since it may have gone to the program as it is; a correction is a matter for the
 * program, not an overwrite here.
 * Throws RuleViolation (422, naming `submittedAt`) when the form is said to be filed in the future, or
 * before the session started.
 */
export function recordRemsForm(
  a: Appointment,
  input: RemsFormInput,
  recordedBy: string,
  now: string,
): { appointment: Appointment } | { unchanged: Appointment } | { refused: RemsRefusal } {
  if (!isRemsSession(a)) {
    return {
      refused: {
        code: "not-a-rems-session",
        message: "Only an esketamine session (or an esketamine booster) has a monitoring form.",
      },
    };
  }
  if (a.status !== "completed") {
    return {
      refused: {
        code: "not-completed",
        message: `This session is ${a.status}; only a completed session has a monitoring form to record.`,
      },
    };
  }
  if (a.remsForm) {
    const same =
      Date.parse(a.remsForm.submittedAt) === Date.parse(input.submittedAt) &&
      (a.remsForm.reference ?? "") === (input.reference ?? "");
    if (same) return { unchanged: a };
    return {
      refused: {
        code: "rems-form-recorded",
        message: `This session's monitoring form was recorded already (submitted ${a.remsForm.submittedAt}).`,
      },
    };
  }
  if (Date.parse(input.submittedAt) > Date.parse(now)) {
    throw new RuleViolation(
      "in-the-future",
      "A form cannot have been submitted in the future.",
      "submittedAt",
    );
  }
  if (Date.parse(input.submittedAt) < Date.parse(a.start)) {
    throw new RuleViolation(
      "before-session",
      "A form cannot have been submitted before its session started.",
      "submittedAt",
    );
  }
  const remsForm: RemsFormRecord = {
    submittedAt: new Date(input.submittedAt).toISOString(),
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    recordedBy,
    recordedAt: now,
  };
  return { appointment: revised(a, { remsForm }, now) };
}

/**
 * A session whose form is recorded stays completed: marking it missed would leave a form filed for a
 * session the record says never happened. (Marking it completed again changes nothing.)
 */
export function attendanceRefusal(a: Appointment, status: AppointmentStatus): RemsRefusal | undefined {
  if (a.remsForm && status !== "completed") {
    return {
      code: "rems-form-recorded",
      message: "This session's monitoring form is recorded: the session cannot be marked otherwise.",
    };
  }
  return undefined;
}

/**
 * What an attendance mark does to the form a session owes: a completed esketamine session starts owing one
 * (or keeps the one it has); one marked otherwise owes none, so its form is dropped from the lists.
 */
export function remsFormAfterAttendance(
  after: Appointment,
  zone: string,
): { owes: RemsForm } | { owesNone: string } | undefined {
  if (!isRemsSession(after)) return undefined;
  const form = remsFormOf(after, zone);
  return form ? { owes: form } : { owesNone: after.id };
}
