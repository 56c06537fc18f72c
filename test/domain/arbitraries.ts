import fc from "fast-check";
import { DateTime } from "luxon";
import type { Clinic } from "../../shared/domain/clinic.js";
import type { Booking } from "../../shared/domain/types.js";
import { ALL_DAYS } from "./support.js";

/** Three DST rules of both hemispheres and a zone without DST, at a half-hour offset. */
export const ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"] as const;
export const zoneArb = fc.constantFrom(...ZONES);

const FIRST_DAY = Date.UTC(2025, 0, 1);
const LAST_DAY = Date.UTC(2030, 11, 31);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Local dates on which `zone` changes its offset, 2025-2030. */
export function dstDates(zone: string): string[] {
  const out: string[] = [];
  for (let ms = FIRST_DAY; ms <= LAST_DAY; ms += 86_400_000) {
    const date = isoDay(ms);
    const morning = DateTime.fromISO(`${date}T00:00`, { zone });
    if (morning.offset !== morning.plus({ days: 1 }).offset) out.push(date);
  }
  return out;
}

const DST_DATES: Record<string, string[]> = Object.fromEntries(ZONES.map((z) => [z, dstDates(z)]));

/** Any date 2025-2030, or (often) one close to a clock change of `zone`. */
export function dateArb(zone: string): fc.Arbitrary<string> {
  const any = fc
    .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / 86_400_000 })
    .map((d) => isoDay(FIRST_DAY + d * 86_400_000));
  const changes = DST_DATES[zone] ?? [];
  if (changes.length === 0) return any;
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -20, max: 2 }))
    .map(([d, shift]) => isoDay(Date.parse(`${d}T00:00:00Z`) + shift * 86_400_000));
  return fc.oneof(any, nearChange);
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * A day's opening intervals from sorted distinct boundaries in [from, to] minutes, on a `step` grid.
 * Zero boundaries = closed.
 */
function dayArb(
  from: number,
  to: number,
  step: number,
  minLength: number,
): fc.Arbitrary<Clinic["hours"]["mon"]> {
  const marks = fc.uniqueArray(fc.integer({ min: from / step, max: to / step }), {
    minLength: 2,
    maxLength: 4,
  });
  return fc
    .oneof({ weight: 1, arbitrary: fc.constant([] as number[]) }, { weight: 5, arbitrary: marks })
    .map((marks) => {
      const sorted = marks.map((m) => m * step).sort((a, b) => a - b);
      const out: { open: string; close: string }[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        if (sorted[i + 1]! - sorted[i]! >= minLength)
          out.push({ open: clock(sorted[i]!), close: clock(sorted[i + 1]!) });
      }
      return out;
    });
}

export function hoursArb(opts: {
  from: number;
  to: number;
  step: number;
  minLength: number;
}): fc.Arbitrary<Clinic["hours"]> {
  const day = dayArb(opts.from, opts.to, opts.step, opts.minLength);
  return fc.tuple(...ALL_DAYS.map(() => day)).map((days) => {
    const hours = {} as Clinic["hours"];
    ALL_DAYS.forEach((d, i) => {
      hours[d] = days[i]!;
    });
    return hours;
  });
}

/** Bookings on the quarter-hour grid around `fromMs`, so exact and per-slot counting agree. */
export function bookingsArb(fromMs: number, days: number, max: number): fc.Arbitrary<Booking[]> {
  return fc
    .array(
      fc.record({
        quarter: fc.integer({ min: 0, max: days * 96 }),
        quarters: fc.integer({ min: 1, max: 16 }),
        resource: fc.constantFrom("chair" as const, "chair" as const, "office" as const),
      }),
      { maxLength: max },
    )
    .map((list) =>
      list.map((b) => {
        const start = fromMs + b.quarter * 900_000;
        return {
          resource: b.resource,
          start: new Date(start).toISOString(),
          end: new Date(start + b.quarters * 900_000).toISOString(),
        };
      }),
    );
}
