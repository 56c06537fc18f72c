import { DateTime, IANAZone } from "luxon";

/** True for a real IANA zone name (not an offset like "+05:00", not a made-up name). */
export function isIanaZone(name: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name) && IANAZone.isValidZone(name);
}

/** True for a `YYYY-MM-DD` string naming a date that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: "UTC" }).isValid;
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
