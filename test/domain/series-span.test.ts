import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clinicDate } from "../../shared/domain/calendar.js";
import { planSeries } from "../../shared/domain/planner.js";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import { planningSpanDays, seriesDates } from "../../shared/domain/series-span.js";
import type { Booking } from "../../shared/domain/types.js";
import { at, clinicWith, everyDay } from "./support.js";

const NY = "America/New_York";
const PROTOCOLS = Object.values(DEFAULT_PROTOCOLS);

describe("how far a series can reach", () => {
  it("is the protocol's window, or each phase at its widest", () => {
    expect(planningSpanDays(DEFAULT_PROTOCOLS["iv-ketamine"])).toBe(22);
    expect(planningSpanDays(DEFAULT_PROTOCOLS.esketamine)).toBe(58); // 4 weeks twice a week, 4 weekly
    expect(planningSpanDays(DEFAULT_PROTOCOLS.kap)).toBe(98); // 6 × 16 days at most, and two more
    const clinic = clinicWith({});
    const dates = seriesDates(clinic, "iv-ketamine", at("2026-12-07T10:00", NY));
    expect([dates[0], dates.at(-1), dates.length]).toEqual(["2026-12-07", "2026-12-28", 22]);
  });

  it("holds every session the planner places, however full the chairs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOCOLS),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 40 }),
        (protocol, startDay, blockedHours) => {
          const clinic = clinicWith({ chairs: 1, hours: everyDay({ open: "08:00", close: "18:00" }) });
          const firstStart = new Date(
            Date.parse(at("2027-01-04T10:00", NY)) + startDay * 86_400_000,
          ).toISOString();
          // Busy chairs push sessions later, towards the edge of what the span must cover.
          const bookings: Booking[] = blockedHours.map((h) => {
            const start = Date.parse(firstStart) + (h * 4 + 2) * 3_600_000;
            return {
              resource: "chair",
              start: new Date(start).toISOString(),
              end: new Date(start + 4 * 3_600_000).toISOString(),
            };
          });
          const plan = planSeries({ clinic, protocol, firstStart, bookings, now: "2026-12-01T00:00:00Z" });
          if (!plan.ok) return;
          const reach = new Set(seriesDates(clinic, protocol.id, firstStart));
          for (const s of plan.sessions) expect(reach.has(clinicDate(clinic, s.start))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
