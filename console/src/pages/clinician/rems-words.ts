import type { Appointment, RemsForm, RemsFormStatus } from "../../api/types.js";
import { formatDateTime, formatShortDate } from "../../time/clinic-time.js";

/**
 * The esketamine REMS program's Patient Monitoring Forms as a clinician reads them. Which sessions owe a
 * form and by when is the API's rule (shared/domain/rems-form.ts); the console only says it.
 */

export const REMS_STATUS: Record<RemsFormStatus, string> = {
  overdue: "Overdue",
  due: "Due",
  submitted: "Submitted",
};

export const REMS_TONE = { overdue: "bad", due: "warn", submitted: "good" } as const;

/** An esketamine session, or a booster of an esketamine series: the sessions that may owe a form. */
export function isRemsSession(a: Pick<Appointment, "service" | "protocolId">): boolean {
  return a.service === "esketamine" || (a.service === "booster" && a.protocolId === "esketamine");
}

/** Forms still to file, overdue first, then due, each group by due time (the oldest first). */
export function openFormsInOrder(forms: readonly RemsForm[]): { overdue: RemsForm[]; due: RemsForm[] } {
  const open = [...forms].sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  return {
    overdue: open.filter((f) => f.status === "overdue"),
    due: open.filter((f) => f.status === "due"),
  };
}

/** "was due by Mon, Dec 7, 2026, 11:59 PM EST" or "due by …": the last minute it was on time. */
export function dueWords(form: Pick<RemsForm, "dueBy" | "status">, zone: string): string {
  const by = formatDateTime(form.dueBy, zone);
  return form.status === "overdue" ? `was due by ${by}` : `due by ${by}`;
}

/** "session of Mon, Nov 30": a form is known by its session's clinic date. */
export function sessionWords(sessionDate: string): string {
  return `session of ${formatShortDate(sessionDate)}`;
}

/** What the clinician just recorded, read back: "… submitted Tue, Dec 8, 2026, 9:05 AM EST (reference X)." */
export function recordedWords(
  patientName: string,
  sessionDate: string,
  form: { submittedAt: string; reference?: string },
  zone: string,
): string {
  const reference = form.reference ? ` (reference ${form.reference})` : "";
  return `Recorded: the REMS form for ${patientName}'s ${sessionWords(sessionDate)}, submitted ${formatDateTime(form.submittedAt, zone)}${reference}.`;
}

/** Where one session's form stands on the patient's record, with its badge and its line. */
export interface RemsStanding {
  status: RemsFormStatus;
  badge: string;
  line: string;
}

/**
 * A session's form on the patient's record: submitted (the appointment carries it), or due or overdue as
 * the API's listing of open forms says. A completed session not in that listing yet (the listing is read
 * from an index, which may lag a moment) shows as due, without a date. Undefined when it owes no form.
 */
export function remsStanding(
  a: Pick<Appointment, "id" | "service" | "protocolId" | "status" | "remsForm">,
  open: ReadonlyMap<string, RemsForm> | undefined,
  zone: string,
): RemsStanding | undefined {
  if (!isRemsSession(a) || a.status !== "completed") return undefined;
  if (a.remsForm) {
    const reference = a.remsForm.reference ? ` · reference ${a.remsForm.reference}` : "";
    return {
      status: "submitted",
      badge: "REMS form submitted",
      line: `REMS form submitted ${formatDateTime(a.remsForm.submittedAt, zone)}${reference}`,
    };
  }
  const form = open?.get(a.id);
  const status = form?.status === "overdue" ? "overdue" : "due";
  return {
    status,
    badge: `REMS form ${REMS_STATUS[status].toLowerCase()}`,
    line: form ? `REMS form ${dueWords(form, zone)}` : "REMS form to record",
  };
}
