import { DateTime } from "luxon";
import { BookingCalendar, type SlotCheck } from "./booking-calendar.js";
import type { Clinic } from "./clinic.js";
import { CapacityTaken, RuleViolation } from "./errors.js";
import { near } from "./instant-range.js";
import { addDays, localInstantMs } from "./opening-hours.js";
import { MINUTE_MS, parseInstant, toUtcIso, zoneOf } from "./slot-grid.js";
import type { StaffHold } from "./staff.js";
import { calendarStaffing, type StaffingInput } from "./staffing.js";
import type { Booking, Interval, Resource } from "./types.js";

export type { SlotCheck } from "./booking-calendar.js";
export { capacityOf } from "./capacity.js";

/**
 * Is [start, start+minutes) bookable for `resource`: on the 15-minute grid of the clinic's clock, not so
 * close to `now` that the patient's arrival time has passed, within the booking horizon, on an open day, inside one opening interval, and below
 * capacity over the whole duration.
 */
export function checkSlot(args: {
  clinic: Clinic;
  resource: Resource;
  start: string;
  minutes: number;
  /** Every booking of chairs and offices those days: rooms count their own, people count all. */
  bookings: readonly Booking[];
  now: string;
  /** Who the session needs, in a clinic that has entered staff. */
  staffing?: StaffingInput;
  /** People to keep where they are free (the moved session's own). */
  prefer?: readonly string[];
}): SlotCheck {
  const startMs = parseInstant(args.start, args.clinic.timezone);
  const range = { fromMs: startMs, toMs: startMs + args.minutes * MINUTE_MS };
  // Two calendars (rooms, people) read the same bookings: pick out the ones near the range once.
  const bookings = args.staffing && !Number.isNaN(startMs) ? near(args.bookings, range) : args.bookings;
  const staffing = calendarStaffing(args.clinic, args.staffing, bookings, range);
  const calendar = new BookingCalendar(args.clinic, args.resource, bookings, args.now, range, staffing);
  return calendar.check(startMs, args.minutes, args.prefer);
}

/**
 * `checkSlot` for a use case: the people the session holds, or `RuleViolation` (422) for a refused rule,
 * `CapacityTaken` (409) for a full slot or nobody free to staff it.
 */
export function assertSlot(args: Parameters<typeof checkSlot>[0]): StaffHold[] {
  const check = checkSlot(args);
  if (check.ok) return check.staff ?? [];
  if (check.code === "capacity" || check.code === "staff")
    throw new CapacityTaken(check.message, "start", check.code);
  throw new RuleViolation(check.code, check.message, "start");
}

/** Every free 15-minute start for a session of `minutes` between two clinic-local dates (inclusive), sorted. */
export function freeStarts(args: {
  clinic: Clinic;
  resource: Resource;
  minutes: number;
  fromDate: string;
  toDate: string;
  bookings: readonly Booking[];
  now: string;
  staffing?: StaffingInput;
}): Interval[] {
  const { clinic, minutes } = args;
  if (args.toDate < args.fromDate) return [];
  const fromMs = localInstantMs(args.fromDate, "00:00", clinic.timezone);
  const toMs = localInstantMs(addDays(args.toDate, 1), "00:00", clinic.timezone) - 1;
  const range = { fromMs, toMs: toMs + minutes * MINUTE_MS };
  // Two calendars (rooms, people) read the same bookings: pick out the ones near the range once.
  const bookings = args.staffing ? near(args.bookings, range) : args.bookings;
  const staffing = calendarStaffing(clinic, args.staffing, bookings, range);
  const calendar = new BookingCalendar(clinic, args.resource, bookings, args.now, range, staffing);
  const out: Interval[] = [];
  for (const c of calendar.candidates(Math.max(fromMs, calendar.earliestStartMs), toMs, minutes)) {
    // Rooms first: composing why a taken start is refused (dates and times in words) was most of the work.
    if (calendar.roomsFit(c.startMs, minutes) && calendar.free(c.startMs, minutes).ok) {
      out.push({ start: toUtcIso(c.startMs), end: toUtcIso(c.startMs + minutes * MINUTE_MS) });
    }
  }
  return out;
}

/** Clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function clinicDate(clinic: Pick<Clinic, "timezone">, instant: string): string {
  const ms = parseInstant(instant, clinic.timezone);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO instant: ${instant}`);
  return DateTime.fromMillis(ms, { zone: zoneOf(clinic.timezone) }).toISODate()!;
}

/** Dates from..to inclusive; empty when to is before from. */
export function datesBetween(fromDate: string, toDate: string): string[] {
  const out: string[] = [];
  for (let d = fromDate; d <= toDate; d = addDays(d, 1)) out.push(d);
  return out;
}
