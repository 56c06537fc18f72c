import { formatDate } from "./booking-calendar.js";
import { clinicDate } from "./calendar.js";
import type { Clinic } from "./clinic.js";
import { RuleViolation } from "./errors.js";
import { addDays } from "./opening-hours.js";
import type { Protocol } from "./protocol.js";
import type { SessionPlace } from "./series-spacing.js";
import type { Appointment, Interval } from "./types.js";

/**
 * Which integration session goes with which dosing session, and whether it still follows it as the
 * protocol asks (KAP: on a clinic-local day 1 to 3 days after). The series stores no link between the two:
 * an integration session belongs to the last live dosing session that starts before it, which is the one
 * it was planned after (doses are weeks apart, integration days a few).
 */

/** The live dosing session an integration session at `start` follows, if any. */
export function doseBefore<T extends SessionPlace>(start: string, doses: readonly T[]): T | undefined {
  return doses
    .filter((d) => d.status !== "cancelled" && d.start < start)
    .reduce<T | undefined>((last, d) => (!last || d.start > last.start ? d : last), undefined);
}

/** The booked integration session that follows `dose` (see doseBefore), if any. */
export function integrationAfter(
  dose: SessionPlace,
  doses: readonly SessionPlace[],
  integrations: readonly Appointment[],
): Appointment | undefined {
  return integrations.find((i) => i.status === "booked" && doseBefore(i.start, doses)?.id === dose.id);
}

/** The clinic-local dates an integration session after a dose starting at `doseStart` may take. */
export function integrationDates(
  clinic: Pick<Clinic, "timezone">,
  protocol: Pick<Protocol, "integration">,
  doseStart: string,
): string[] {
  const days = protocol.integration;
  if (!days) return [];
  const doseDate = clinicDate(clinic, doseStart);
  const dates: string[] = [];
  for (let n = days.minDaysAfter; n <= days.maxDaysAfter; n++) dates.push(addDays(doseDate, n));
  return dates;
}

/**
 * Why an integration session over `session` would not follow its dosing session `dose` as the protocol
 * asks (on one of its days, after the dose has ended), or undefined when it does.
 */
export function integrationWindowProblem(
  clinic: Pick<Clinic, "timezone">,
  protocol: Pick<Protocol, "integration">,
  dose: Interval & { sequence?: number | undefined },
  session: Interval,
): RuleViolation | undefined {
  const dates = integrationDates(clinic, protocol, dose.start);
  if (dates.length === 0) return undefined;
  const date = clinicDate(clinic, session.start);
  if (dates.includes(date) && session.start >= dose.end) return undefined;
  const days = protocol.integration!;
  const which = dose.sequence !== undefined ? `session ${dose.sequence}` : "its dosing session";
  return new RuleViolation(
    "integration-window",
    `The integration session after ${which} must be on ${formatDate(dates[0]!)}` +
      (dates.length > 1 ? ` to ${formatDate(dates.at(-1)!)}` : "") +
      ` (${days.minDaysAfter} to ${days.maxDaysAfter} days after the dosing session), once it has ended.`,
    "start",
  );
}
