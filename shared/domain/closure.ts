import { clinicDate } from "./calendar.js";
import { addDays } from "./calendar-date.js";
import type { Clinic } from "./clinic.js";
import { RuleViolation } from "./errors.js";
import type { Appointment } from "./types.js";

/** The most closed dates the settings hold (the clinic schema's limit). */
const MAX_CLOSED_DATES = 366;

/**
 * Why the clinic cannot close `date`, or undefined. A past date has nothing left to close; a date beyond
 * the booking horizon holds no bookings (close it with PUT /clinic). Today can be closed: sessions already
 * under way go on.
 */
export function closureProblem(clinic: Clinic, date: string, now: string): RuleViolation | undefined {
  const today = clinicDate(clinic, now);
  if (date < today) return new RuleViolation("in-the-past", `${date} has already passed.`, "date");
  const horizon = addDays(today, clinic.bookingHorizonDays);
  if (date > horizon) {
    return new RuleViolation(
      "beyond-horizon",
      `Bookings open at most ${clinic.bookingHorizonDays} days ahead (until ${horizon}), so nothing is booked on ${date}: add it to closedDates with PUT /clinic instead.`,
      "date",
    );
  }
  if (!clinic.closedDates.includes(date) && clinic.closedDates.length >= MAX_CLOSED_DATES) {
    return new RuleViolation(
      "too-many-closed-dates",
      `The settings hold at most ${MAX_CLOSED_DATES} closed dates: remove past ones with PUT /clinic first.`,
      "date",
    );
  }
  return undefined;
}

/** The settings with `date` closed: listed once, in order. */
export function withClosedDate(clinic: Clinic, date: string): Clinic {
  return { ...clinic, closedDates: [...new Set([...clinic.closedDates, date])].sort() };
}

/**
 * Whether closing `date` cancels this appointment: booked on that date (the day it is filed under) and not
 * started yet. A session under way when the clinic closes goes on; cancelling it would change nothing in
 * the room and would take its chair from the day's agenda.
 */
export function closureCancels(
  clinic: Clinic,
  appointment: Pick<Appointment, "status" | "start" | "date">,
  date: string,
  now: string,
): boolean {
  const filedUnder = appointment.date ?? clinicDate(clinic, appointment.start);
  return appointment.status === "booked" && filedUnder === date && appointment.start > now;
}
