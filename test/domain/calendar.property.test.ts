import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkSlot, datesBetween, freeStarts } from "../../shared/domain/calendar.js";
import { bookingsArb, dateArb, hoursArb, zoneArb } from "./arbitraries.js";
import { at, clinicWith } from "./support.js";

/**
 * Random clinics, including hours from midnight so DST nights are crossed, ragged opening times,
 * closed dates, and sessions that are not a multiple of 15 minutes.
 */
const scenario = zoneArb.chain((timezone) =>
  fc
    .record({
      fromDate: dateArb(timezone),
      days: fc.integer({ min: 1, max: 2 }),
      hours: fc.oneof(
        hoursArb({ from: 0, to: 24 * 60, step: 60, minLength: 60 }),
        hoursArb({ from: 6 * 60, to: 21 * 60, step: 5, minLength: 30 }),
      ),
      chairs: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
      ),
      minutes: fc.constantFrom(15, 50, 60, 90, 120, 180),
      closeFirstDay: fc.boolean(),
      horizon: fc.integer({ min: 1, max: 400 }),
      nowShiftHours: fc.integer({ min: -72, max: 30 }),
    })
    .chain((s) => {
      const fromMs = Date.parse(at(`${s.fromDate}T00:00`, timezone));
      return bookingsArb(fromMs - 86_400_000, s.days + 2, 20).map((bookings) => ({
        ...s,
        timezone,
        fromMs,
        bookings,
      }));
    }),
);

describe("freeStarts agrees with checkSlot", () => {
  it("lists exactly the quarter hours checkSlot accepts", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dates = datesBetween(
          s.fromDate,
          new Date(Date.parse(`${s.fromDate}T00:00:00Z`) + (s.days - 1) * 86_400_000)
            .toISOString()
            .slice(0, 10),
        );
        const toDate = dates.at(-1)!;
        const clinic = clinicWith({
          timezone: s.timezone,
          chairs: s.chairs,
          hours: s.hours,
          closedDates: s.closeFirstDay ? [s.fromDate] : [],
          bookingHorizonDays: s.horizon,
        });
        const now = new Date(s.fromMs + s.nowShiftHours * 3_600_000).toISOString();
        const args = { clinic, resource: "chair" as const, minutes: s.minutes, bookings: s.bookings, now };
        const listed = freeStarts({ ...args, fromDate: s.fromDate, toDate }).map((i) => i.start);

        // Every quarter hour of UTC is every quarter hour of these zones' clocks.
        const endMs = DateTime.fromISO(toDate, { zone: s.timezone }).plus({ days: 1 }).toMillis();
        const accepted: string[] = [];
        for (let t = s.fromMs; t < endMs; t += 900_000) {
          const start = new Date(t).toISOString();
          if (!dates.includes(localDate(t, s.timezone))) continue;
          if (checkSlot({ ...args, start }).ok) accepted.push(start);
        }
        expect(listed).toEqual(accepted);
      }),
      { numRuns: 40 },
    );
  });
});

function localDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate()!;
}
