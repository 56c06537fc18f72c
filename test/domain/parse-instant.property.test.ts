import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseInstant, zoneOf } from "../../shared/domain/slot-grid.js";

/** parseInstant as it was before its fast path: the oracle. */
function previousParse(iso: string, zone: string): number {
  const fast = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isNaN(fast)) return fast;
  const dt = DateTime.fromISO(iso, { zone: zoneOf(zone) });
  return dt.isValid ? dt.toMillis() : Number.NaN;
}

describe("parseInstant", () => {
  it("reads every instant the table holds (toISOString) as it did before its fast path", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0100-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          expect(parseInstant(iso, "America/New_York")).toBe(previousParse(iso, "America/New_York"));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees with it on near misses of that form: rolled-over days, 24:00, bad digits and separators, no offset", () => {
    const near = fc
      .tuple(
        fc.stringMatching(/^[0-9]{4}$/),
        fc.constantFrom("00", "01", "02", "09", "12", "13", "1a"),
        fc.constantFrom("00", "01", "28", "29", "30", "31", "32", "x1"),
        fc.constantFrom("00", "23", "24", "25"),
        fc.constantFrom("00", "59", "60"),
        fc.constantFrom("00", "59", "60"),
        fc.stringMatching(/^[0-9a]{3}$/),
        fc.constantFrom("T", " ", "t"),
        fc.constantFrom("Z", "z", "+00:00", ""),
      )
      .map(([y, mo, d, h, mi, s, ms, t, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}.${ms}${z}`);
    fc.assert(
      fc.property(near, (iso) => {
        expect(parseInstant(iso, "Asia/Kolkata")).toBe(previousParse(iso, "Asia/Kolkata"));
      }),
      { numRuns: 3000 },
    );
  });

  it("still reads a clinic wall-clock time without an offset in the clinic's zone", () => {
    expect(parseInstant("2027-01-04T08:00:00", "America/New_York")).toBe(Date.parse("2027-01-04T13:00:00Z"));
  });
});
