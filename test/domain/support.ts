import { DateTime } from "luxon";
import { type Clinic, type ClinicInput, clinicSchema, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";

export const ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** The default clinic with some settings replaced, validated like a PUT /clinic body. */
export function clinicWith(overrides: Partial<ClinicInput>): Clinic {
  return clinicSchema.parse({ ...DEFAULT_CLINIC, ...overrides });
}

/** Same opening hours every day of the week. */
export function everyDay(...intervals: { open: string; close: string }[]): Clinic["hours"] {
  return {
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    sat: intervals,
    sun: intervals,
  };
}

/** UTC ISO instant of a clinic wall-clock time such as "2026-12-07T10:00". */
export function at(local: string, zone: string): string {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toUTC().toISO()!;
}

/** Wall-clock text of an instant, for readable expectations: "2026-12-07 Mon 10:00". */
export function wall(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale("en").toFormat("yyyy-MM-dd ccc HH:mm");
}

export function hoursBetween(a: string, b: string): number {
  return DateTime.fromISO(b).diff(DateTime.fromISO(a), "hours").hours;
}

export function minutesBetween(a: string, b: string): number {
  return DateTime.fromISO(b).diff(DateTime.fromISO(a), "minutes").minutes;
}
