/**
 * Calendar-date arithmetic: a date has no zone, so there is no DST to get wrong, and the native UTC
 * calendar is an order of magnitude faster than Luxon on the hot path of availability. No Luxon here, so
 * what emails need (arrival.ts) stays out of the time library too.
 */
import { WEEKDAYS, type Weekday } from "./clinic.js";

function utcDay(date: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(utcDay(date).getUTCDay() + 6) % 7]!;
}

export function addDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}
