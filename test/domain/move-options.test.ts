import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { moveOptions } from "../../shared/domain/move-options.js";
import type { SessionPlace } from "../../shared/domain/series-spacing.js";

const NOW = "2026-11-30T13:00:00Z";
const DAY = 86_400_000;
/** An IV session `days` after Monday 7 December 2026, 10:00 New York time. */
const at = (days: number) => new Date(Date.parse("2026-12-07T15:00:00Z") + days * DAY).toISOString();
const session = (sequence: number, days: number): SessionPlace => ({
  id: `s${sequence}`,
  sequence,
  start: at(days),
  status: "booked",
});

describe("where a series session may move", () => {
  it("keeps the protocol's window from the first session even where the gap to the one before allows more", () => {
    // Session 5 sits 16 days in: 7 days after it would be day 23, but the 21-day window ends on day 21 at 10:00.
    const sessions = [
      session(1, 0),
      session(2, 2),
      session(3, 4),
      session(4, 9),
      session(5, 16),
      session(6, 18),
    ];
    const sixth = sessions[5]!;
    const options = moveOptions({
      clinic: DEFAULT_CLINIC,
      appointment: {
        ...sixth,
        resource: "chair",
        end: new Date(Date.parse(sixth.start) + 2 * 3_600_000).toISOString(),
        protocolId: "iv-ketamine",
        seriesId: "x",
      },
      fromDate: "2026-12-28",
      toDate: "2026-12-30",
      bookings: [],
      seriesSessions: sessions,
      now: NOW,
    });
    const starts = options.map((o) => o.start);
    expect(starts[0]).toBe("2026-12-28T13:00:00.000Z");
    expect(starts.at(-1)).toBe(at(21));
  });

  it("does not let a session block itself, but counts every other booking", () => {
    const own = {
      appointmentId: "s1",
      resource: "chair" as const,
      start: at(0),
      end: at(0).replace("15:00", "17:00"),
    };
    const other = {
      ...own,
      appointmentId: "x",
      start: at(0).replace("15:00", "19:00"),
      end: at(0).replace("15:00", "21:00"),
    };
    const clinic = { ...DEFAULT_CLINIC, chairs: 1 };
    const starts = moveOptions({
      clinic,
      appointment: { id: "s1", resource: "chair", start: own.start, end: own.end },
      fromDate: "2026-12-07",
      toDate: "2026-12-07",
      bookings: [own, other],
      now: NOW,
    }).map((o) => o.start);
    expect(starts).toContain(own.start);
    expect(starts.some((s) => s >= "2026-12-07T17:15:00.000Z" && s < "2026-12-07T21:00:00.000Z")).toBe(false);
  });
});
