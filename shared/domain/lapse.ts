/**
 * The lapse rule: a booster or a new series more than `lapseDays` after the patient's last dosing session
 * needs a new consultation outcome first.
 *
 * What counts, and why:
 * - A dosing session is a protocol session or a booster: the sessions that take a chair. Consultations and
 *   integration sessions give no drug, so they neither start nor stop the lapse.
 * - The last dosing session is the latest one that took place: recorded `completed` by attendance. A booked
 *   session may still be cancelled or missed, and a no-show received nothing, so neither is a dose. The
 *   patient record keeps that session's clinic-local date (`lastDosingOn`), so a booking decides from the
 *   patient it already reads, with no query of the patient's history.
 * - Days are clinic-local calendar days (dates in the clinic's zone, by Luxon): a clinic counts "90 days
 *   since 1 Sep" on its calendar, and a DST change in between neither adds nor loses a day. The gap runs to
 *   the date of the booked session, not to today: it is that session that would come after the lapse.
 * - Exactly `lapseDays` still books; one day more needs the outcome ("more than", as the contract says).
 * - The new outcome is one recorded on a clinic-local date after the last dosing session's (the patient's
 *   `eligibilityRecordedAt`): a clinician who decided after the last dose decided knowing the treatment had
 *   stopped. The same date does not count, since the patient record cannot tell whether the outcome came
 *   before or after that day's session, and a safety rule errs towards asking again.
 * - A patient with no completed dosing session has nothing to lapse from: their eligibility comes from a
 *   consultation outcome already, and the rule is about coming back after a gap.
 */

import { formatDate } from "./booking-calendar.js";
import { clinicDate } from "./calendar.js";
import { daysBetween } from "./calendar-date.js";
import type { Clinic } from "./clinic.js";
import { RuleViolation } from "./errors.js";
import { serviceResource } from "./services.js";
import type { Patient, ServiceId } from "./types.js";

/** What the rule reads of a patient: both fields are kept on the patient record by the actions that set them. */
export type DosingHistory = Pick<Patient, "lastDosingOn" | "eligibilityRecordedAt">;

/** Protocol sessions and boosters: the sessions that give the drug, in a treatment chair. */
export function isDosingService(service: ServiceId): boolean {
  return serviceResource(service) === "chair";
}

/**
 * Why a dosing session starting at `start` may not be booked under the lapse rule, in words a front desk can
 * act on; undefined when it may.
 */
export function lapseProblem(
  clinic: Pick<Clinic, "timezone" | "lapseDays">,
  patient: DosingHistory,
  start: string,
): string | undefined {
  const last = patient.lastDosingOn;
  if (last === undefined) return undefined;
  const sessionDate = clinicDate(clinic, start);
  if (daysBetween(last, sessionDate) <= clinic.lapseDays) return undefined;
  const recorded = patient.eligibilityRecordedAt;
  if (recorded !== undefined && clinicDate(clinic, recorded) > last) return undefined;
  return `The patient's last dosing session was on ${formatDate(last)}, more than ${clinic.lapseDays} days before ${formatDate(sessionDate)}: record a new consultation outcome first.`;
}

/** `lapseProblem` for a booking: throws the 422 (`lapsed`) naming the patient as the thing to change. */
export function assertNotLapsed(
  clinic: Pick<Clinic, "timezone" | "lapseDays">,
  patient: DosingHistory,
  start: string,
): void {
  const problem = lapseProblem(clinic, patient, start);
  if (problem) throw new RuleViolation("lapsed", problem, "patientId");
}

/**
 * The last dosing date once a dosing session on `sessionDate` is recorded completed: it only moves forward,
 * so an old session whose attendance is recorded late cannot shorten the lapse.
 */
export function lastDosingAfterCompleted(lastDosingOn: string | undefined, sessionDate: string): string {
  return lastDosingOn === undefined || sessionDate > lastDosingOn ? sessionDate : lastDosingOn;
}

/**
 * The last dosing date once a dosing session on `sessionDate` that was recorded completed is corrected to a
 * no-show: if it was the one the date came from, the latest of the patient's other completed dosing
 * sessions takes its place (the date would otherwise stretch the lapse from a dose never given). With no
 * other completed dosing session left, the date stays: the record can only grow, and a date too late by a
 * mistaken mark errs towards asking for a consultation sooner, never later.
 */
export function lastDosingAfterCorrection(
  lastDosingOn: string | undefined,
  sessionDate: string,
  otherCompletedDates: readonly string[],
): string | undefined {
  if (lastDosingOn === undefined || sessionDate !== lastDosingOn) return lastDosingOn;
  const latest = otherCompletedDates.reduce<string | undefined>(
    (max, d) => (max === undefined || d > max ? d : max),
    undefined,
  );
  return latest ?? lastDosingOn;
}
