// Validation only, with the platform's Intl and Date: the schemas that use these are bundled into every
// function, and the time arithmetic library (Luxon) need not be.

let canonicalZones: ReadonlySet<string> | undefined;

/** True for a real IANA zone name (not an offset like "+05:00", not a made-up name). */
export function isIanaZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  // The list of canonical names costs ~2 ms; a formatter for a zone loads ICU's zone data (~25 ms at a
  // cold start, where CLINIC_DEFAULTS is validated). Only names not in the list (aliases such as
  // "Asia/Calcutta" or "US/Eastern") take the slow path.
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(name)) return true;
  try {
    // Intl knows the same tz database Luxon reads; it throws a RangeError for an unknown zone.
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True for a `YYYY-MM-DD` string naming a date that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March: only a date that survives the round trip exists.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for an `HH:MM` clock time, 00:00 to 24:00. */
export function isClockTime(value: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return false;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return (h < 24 && min < 60) || (h === 24 && min === 0);
}

/** Minutes since local midnight for an `HH:MM` clock time. */
export function clockMinutes(value: string): number {
  const [h, m] = value.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
