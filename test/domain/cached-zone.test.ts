import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { CachedZone } from "../../shared/domain/cached-zone.js";

const HOUR_MS = 3_600_000;
const exact = (zone: string, ms: number) => IANAZone.create(zone).offset(ms);

describe("CachedZone", () => {
  it("answers every quarter hour of a year exactly as Luxon does, DST changes included", () => {
    // Whole-hour, half-hour (Lord Howe's DST is 30 minutes) and 45-minute offsets, both hemispheres,
    // and Casablanca, whose clocks also change around Ramadan.
    const zones = ["America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Africa/Casablanca"];
    const from = Date.UTC(2026, 0, 1);
    for (const zone of zones) {
      const cached = new CachedZone(zone);
      const wrong: string[] = [];
      for (let ms = from; ms < from + 366 * 24 * HOUR_MS; ms += HOUR_MS / 4) {
        if (cached.offset(ms) !== exact(zone, ms)) wrong.push(new Date(ms).toISOString());
      }
      expect(wrong, zone).toEqual([]);
    }
  });

  it("finds the exact millisecond a DST change takes effect", () => {
    const zone = new CachedZone("America/New_York");
    const springForward = Date.parse("2026-03-08T07:00:00Z"); // 02:00 EST becomes 03:00 EDT
    expect(zone.offset(springForward - 1)).toBe(-300);
    expect(zone.offset(springForward)).toBe(-240);
    const fallBack = Date.parse("2026-11-01T06:00:00Z"); // 02:00 EDT becomes 01:00 EST
    expect(zone.offset(fallBack - 1)).toBe(-240);
    expect(zone.offset(fallBack)).toBe(-300);
  });

  it("agrees with Luxon for any zone at any instant between 1990 and 2060", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const cached = new Map(zones.map((z) => [z, new CachedZone(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, ms) => {
          const z = cached.get(zone)!;
          // The instant itself and its neighbours, so a day already cached by an earlier instant is reused.
          for (const t of [ms, ms - 1, ms + HOUR_MS, ms - 12 * HOUR_MS]) {
            expect(z.offset(t), `${zone} ${new Date(t).toISOString()}`).toBe(exact(zone, t));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("stays an IANA zone to Luxon: same name, type and equality", () => {
    const zone = new CachedZone("Europe/London");
    expect(zone.type).toBe("iana");
    expect(zone.name).toBe("Europe/London");
    expect(zone.equals(IANAZone.create("Europe/London"))).toBe(true);
    expect(new CachedZone("Mars/Olympus_Mons").isValid).toBe(false);
    expect(Number.isNaN(new CachedZone("Mars/Olympus_Mons").offset(0))).toBe(true);
  });
});
