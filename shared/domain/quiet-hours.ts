import { DateTime } from "luxon";
import type { Clinic } from "./clinic.js";
import { addDays, localInstantMs } from "./opening-hours.js";
import { parseInstant, toUtcIso, zoneOf } from "./slot-grid.js";

export interface QuietSpan {
  startMs: number;
  endMs: number;
}

/**
 * The quiet span that contains `ms` (strictly after its start, before its end), read on the patient's
 * wall clock, or undefined. The start itself is not quiet: it is the last moment a message may go.
 * Built from instants so a DST night is as long as it really is.
 */
export function quietSpanAt(
  ms: number,
  quiet: Clinic["quietHours"],
  patientTimezone: string,
): QuietSpan | undefined {
  if (quiet.start === quiet.end) return undefined;
  let date = DateTime.fromMillis(ms, { zone: zoneOf(patientTimezone) }).toISODate()!;
  let startMs = localInstantMs(date, quiet.start, patientTimezone);
  if (startMs > ms) {
    date = addDays(date, -1);
    startMs = localInstantMs(date, quiet.start, patientTimezone);
  }
  // A start of 24:00 is the next day's midnight: the span starts on that day and does not cross midnight.
  const startsAtMidnight = quiet.start === "24:00";
  const startDate = startsAtMidnight ? addDays(date, 1) : date;
  const crossesMidnight = !startsAtMidnight && quiet.end < quiet.start;
  const endMs = localInstantMs(
    crossesMidnight ? addDays(startDate, 1) : startDate,
    quiet.end,
    patientTimezone,
  );
  return ms > startMs && ms < endMs ? { startMs, endMs } : undefined;
}

/**
 * Nothing reaches a patient at night: a due time inside quiet hours moves earlier, to the quiet start
 * (earlier, not later, so a day-before reminder still arrives before the session); never before `now`.
 */
export function applyQuietHours(args: {
  dueAt: string;
  now: string;
  clinic: Pick<Clinic, "quietHours">;
  patientTimezone: string;
}): string {
  const dueMs = parseInstant(args.dueAt, "utc");
  const nowMs = parseInstant(args.now, "utc");
  const span = quietSpanAt(dueMs, args.clinic.quietHours, args.patientTimezone);
  const moved = span ? span.startMs : dueMs;
  return toUtcIso(Math.max(moved, nowMs));
}
