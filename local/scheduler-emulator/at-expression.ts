import { DateTime, IANAZone } from "luxon";
import { validationError } from "./errors.js";

const AT_PATTERN = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

/**
 * The instant an `at(yyyy-mm-ddThh:mm:ss)` expression denotes: a wall time in `timezone` (default UTC).
 * A wall time inside a DST gap is shifted forward by luxon, as Scheduler does; an ambiguous one (fall back)
 * resolves to the earlier offset.
 */
export function atInstant(expression: string, timezone = "UTC"): Date {
  const key = `${timezone} ${expression}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = parseAt(expression, timezone).getTime();
    if (instants.size >= INSTANTS_LIMIT) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/**
 * Expressions already read: firing looks at every pending schedule's time before each firing, and Luxon
 * resolving one costs tens of microseconds (a burst of 1,000 due reminders asked it a million times).
 */
const instants = new Map<string, number>();
const INSTANTS_LIMIT = 100_000;

function parseAt(expression: string, timezone: string): Date {
  const match = AT_PATTERN.exec(expression);
  if (!match) {
    throw validationError(
      `Invalid Schedule Expression ${expression}. The local emulator supports only at(yyyy-mm-ddThh:mm:ss).`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: timezone });
  if (!local.isValid) throw validationError(`Invalid Schedule Expression ${expression}.`);
  return local.toJSDate();
}

export function assertTimezone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (!IANAZone.isValidZone(timezone))
    throw validationError(`Invalid ScheduleExpressionTimezone ${timezone}.`);
  validZones.add(timezone);
}

/** Luxon builds an Intl formatter to check a zone; every schedule names the same one or two. */
const validZones = new Set<string>();
