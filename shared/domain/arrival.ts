import { weekdayOf } from "./calendar-date.js";
import type { Clinic } from "./clinic.js";
import { clockMinutes } from "./time-zone.js";
import { instantMs, localReading } from "./wall-clock.js";

const MINUTE_MS = 60_000;

/**
 * When a patient is asked to arrive for a session starting at `start`: the clinic's `arrivalMinutesBefore`
 * earlier, but never before the opening of the interval the session is in: the door is shut until then.
 * Read with the platform's zone data rather than Luxon, as emails are (see wall-clock.ts).
 */
export function arrivalInstant(
  clinic: Pick<Clinic, "timezone" | "hours" | "arrivalMinutesBefore">,
  start: string | number,
): number {
  const startMs = typeof start === "number" ? start : instantMs(start);
  const wanted = startMs - clinic.arrivalMinutesBefore * MINUTE_MS;
  const local = localReading(startMs, clinic.timezone);
  const interval = clinic.hours[weekdayOf(local.day)].find(
    (i) => clockMinutes(i.open) <= local.minutes && local.minutes < clockMinutes(i.close),
  );
  if (!interval) return wanted;
  // The opening, counted back on the wall clock, then corrected by the offset change in between: on the
  // night the clocks go forward, 1:00 AM is one real hour before 3:00 AM, not two.
  const guess = startMs - (local.minutes - clockMinutes(interval.open)) * MINUTE_MS;
  const openMs =
    guess + (local.offsetMinutes - localReading(guess, clinic.timezone).offsetMinutes) * MINUTE_MS;
  return Math.max(wanted, openMs);
}
