import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certainlyOutside, near, utcDayBounds } from "../../shared/domain/instant-range.js";
import { parseInstant } from "../../shared/domain/slot-grid.js";

const DAY = 86_400_000;
const instant = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2030-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

/** Instants as the table writes them, and the other forms a booking could carry: offsets, no millis, junk. */
const text = fc.oneof(
  instant.map((d) => d.toISOString()),
  instant.map((d) => d.toISOString().replace(".000Z", "Z")),
  fc
    .tuple(instant, fc.constantFrom("+10:00", "-05:00", "+00:00"))
    .map(([d, offset]) => d.toISOString().replace("Z", offset)),
  fc
    .tuple(instant, fc.integer({ min: 0, max: 23 }), fc.constantFrom("x", ":", "/", " "))
    .map(([d, at, junk]) => {
      const s = d.toISOString();
      return `${s.slice(0, at)}${junk}${s.slice(at + 1)}`;
    }),
);

describe("certainlyOutside", () => {
  it("says a booking is outside a range only when its parsed interval does not come near it", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), text, text, (from, days, start, end) => {
        const range = { fromMs: from.getTime(), toMs: from.getTime() + days * DAY };
        if (!certainlyOutside({ start, end }, utcDayBounds(range))) return;
        const startMs = parseInstant(start, "Australia/Sydney");
        const endMs = parseInstant(end, "Australia/Sydney");
        // NaN never counts (a calendar adds nothing for it); a real interval must miss the range.
        if (Number.isNaN(startMs) || Number.isNaN(endMs)) return;
        expect(endMs <= range.fromMs || startMs > range.toMs).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps every booking that overlaps the range, and drops the ones days away", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -40, max: 70 }),
        (from, days, offset) => {
          const range = { fromMs: from.getTime(), toMs: from.getTime() + days * DAY };
          const startMs = range.fromMs + offset * DAY;
          const booking = {
            start: new Date(startMs).toISOString(),
            end: new Date(startMs + 2 * 3_600_000).toISOString(),
          };
          const kept = near([booking], range).length === 1;
          const overlaps = startMs < range.toMs && startMs + 2 * 3_600_000 > range.fromMs;
          if (overlaps) expect(kept).toBe(true);
          if (offset < -3 || offset > days + 3) expect(kept).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never drops anything for an unbounded range", () => {
    const bounds = utcDayBounds({ fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY });
    fc.assert(
      fc.property(text, text, (start, end) => {
        expect(certainlyOutside({ start, end }, bounds)).toBe(false);
      }),
    );
  });
});
