import { DateTime, type IANAZone } from "luxon";
import { cachedZone } from "./cached-zone.js";

/** Bookings start on the quarter hour of the clinic's wall clock. */
export const SLOT_MINUTES = 15;
export const SLOT_MS = SLOT_MINUTES * 60_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** The zone to do Luxon arithmetic in: remembers its offsets (see cached-zone.ts). */
export function zoneOf(name: string): IANAZone {
  return cachedZone(name);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Wall clock on :00/:15/:30/:45 with no seconds, in `zone` (offsets like +05:30 or +05:45 shift the grid). */
export function isOnLocalGrid(ms: number, zone: IANAZone): boolean {
  return mod(ms + zone.offset(ms) * MINUTE_MS, SLOT_MS) === 0;
}

/** The first local-grid instant at or after `ms`, assuming no offset change in between. */
export function ceilToLocalGrid(ms: number, zone: IANAZone): number {
  const r = mod(ms + zone.offset(ms) * MINUTE_MS, SLOT_MS);
  return r === 0 ? ms : ms + SLOT_MS - r;
}

/**
 * Parse an ISO instant; one without an offset is read as clinic wall-clock time rather than as
 * the server's zone, which would differ between a laptop and Lambda.
 */
export function parseInstant(iso: string, zone: string): number {
  const utc = parseUtcIso(iso);
  if (utc !== undefined) return utc;
  const fast = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isNaN(fast)) return fast;
  const dt = DateTime.fromISO(iso, { zone: zoneOf(zone) });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

const digits2 = (s: string, at: number): number => {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * The instants the table and `toUtcIso` write, `2027-01-04T13:00:00.000Z`, read without `Date.parse`: a
 * calendar parses every booking's start and end (10,000 for a month at a busy clinic), and this is about
 * twice as fast. Anything else (offsets, days 29-31, which `Date.parse` rolls over) is left to the general
 * path, so the two always agree.
 */
function parseUtcIso(iso: string): number | undefined {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(23) !== 90 || // Z
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 // .
  )
    return undefined;
  const century = digits2(iso, 0);
  const year = digits2(iso, 2);
  const month = digits2(iso, 5);
  const day = digits2(iso, 8);
  const hour = digits2(iso, 11);
  const minute = digits2(iso, 14);
  const second = digits2(iso, 17);
  const centis = digits2(iso, 20);
  const milli = iso.charCodeAt(22) - 48;
  if (
    century < 1 ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    centis < 0 ||
    milli < 0 ||
    milli > 9
  )
    return undefined;
  return Date.UTC(century * 100 + year, month - 1, day, hour, minute, second, centis * 10 + milli);
}

/** Same text as Luxon's UTC `toISO()`; the native formatter is several times faster on hot paths. */
export function toUtcIso(ms: number): string {
  return new Date(ms).toISOString();
}
