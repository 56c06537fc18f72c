import { BookingCalendar, formatDate } from "./booking-calendar.js";
import type { Clinic } from "./clinic.js";
import { addDays, localInstantMs } from "./opening-hours.js";
import type { Protocol } from "./protocol.js";
import { MINUTE_MS, toUtcIso } from "./slot-grid.js";
import type { StaffHold } from "./staff.js";
import type { StaffCalendar } from "./staffing.js";
import type { Booking, Interval } from "./types.js";

/** An integration session planned after dosing session `after`, with the people it holds. */
export interface PlannedIntegration extends Interval {
  after: number;
  staff?: StaffHold[];
}

export type IntegrationPlan =
  | { ok: true; sessions: PlannedIntegration[] }
  | { ok: false; sessionNumber: number; message: string };

/**
 * One integration session (an office, and in a staffed clinic a therapist) on a clinic-local day
 * `minDaysAfter`..`maxDaysAfter` after each dosing session, as the protocol asks (KAP: 1 to 3 days, where
 * the therapy work of the dose is done). Each keeps the dosing session's time of day where it can, else the
 * first free start in its days; the therapist of the dosing session where they are free. It never overlaps
 * one of the series' own sessions. All or nothing, like the dosing plan.
 */
export function planIntegrations(args: {
  clinic: Clinic;
  protocol: Protocol;
  /** The dosing sessions, each numbered by its place in the series (`number`; by default its index + 1). */
  dosing: readonly { startMs: number; staff: readonly StaffHold[]; number?: number }[];
  dosingMinutes: number;
  bookings: readonly Booking[];
  now: string;
  /** The span the series' bookings were read for (see planSeries). */
  range?: { fromMs: number; toMs: number };
  /** The clinic's people as the dosing plan left them (its sessions already counted); absent: rooms alone. */
  people?: StaffCalendar;
}): IntegrationPlan {
  const { clinic, protocol } = args;
  const days = protocol.integration;
  if (!days) return { ok: true, sessions: [] };
  const minutes = clinic.serviceMinutes.integration;
  const needs = clinic.serviceStaff.integration;
  const staffing = args.people && needs.length > 0 ? { calendar: args.people, needs } : undefined;
  const offices = new BookingCalendar(clinic, "office", args.bookings, args.now, args.range, staffing);
  const dosingSpans = args.dosing.map((d) => ({
    startMs: d.startMs,
    endMs: d.startMs + args.dosingMinutes * MINUTE_MS,
  }));
  const overlapsDosing = (ms: number) =>
    dosingSpans.some((d) => ms < d.endMs && d.startMs < ms + minutes * MINUTE_MS);

  const sessions: PlannedIntegration[] = [];
  for (const [i, dose] of args.dosing.entries()) {
    const number = dose.number ?? i + 1;
    const doseDate = offices.localDate(dose.startMs);
    const firstDate = addDays(doseDate, days.minDaysAfter);
    const lastDate = addDays(doseDate, days.maxDaysAfter);
    const prefer = dose.staff.map((h) => h.id);
    const clock = offices.clock(dose.startMs);
    let placed: { ms: number; staff: StaffHold[] } | undefined;
    for (let date = firstDate; !placed && date <= lastDate; date = addDays(date, 1)) {
      const ms = localInstantMs(date, clock, clinic.timezone);
      const check = overlapsDosing(ms) ? undefined : offices.check(ms, minutes, prefer);
      if (check?.ok) placed = { ms, staff: check.staff ?? [] };
    }
    const fromMs = localInstantMs(firstDate, "00:00", clinic.timezone);
    const toMs = localInstantMs(addDays(lastDate, 1), "00:00", clinic.timezone) - 1;
    for (const c of placed ? [] : offices.candidates(fromMs, toMs, minutes)) {
      if (overlapsDosing(c.startMs)) continue;
      const check = offices.free(c.startMs, minutes, prefer);
      if (check.ok) {
        placed = { ms: c.startMs, staff: check.staff ?? [] };
        break;
      }
    }
    if (!placed) {
      return {
        ok: false,
        sessionNumber: number,
        message:
          `The integration session after session ${number} cannot be placed: no free office` +
          `${offices.neededPeople} between ${formatDate(firstDate)} and ${formatDate(lastDate)} ` +
          `(${days.minDaysAfter} to ${days.maxDaysAfter} days after the dosing session).` +
          offices.missingPeople(fromMs, toMs),
      };
    }
    offices.occupy(placed.ms, minutes, placed.staff);
    sessions.push({
      after: number,
      start: toUtcIso(placed.ms),
      end: toUtcIso(placed.ms + minutes * MINUTE_MS),
      ...(placed.staff.length > 0 ? { staff: placed.staff } : {}),
    });
  }
  return { ok: true, sessions };
}
