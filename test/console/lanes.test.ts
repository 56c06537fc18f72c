import { describe, expect, it } from "vitest";
import type { AgendaEntry } from "../../console/src/pages/today/agenda.js";
import { packLanes } from "../../console/src/pages/today/lanes.js";

const entry = (id: string, start: string, end: string): AgendaEntry => ({
  appointmentId: id,
  start: `2026-12-03T${start}:00Z`,
  end: `2026-12-03T${end}:00Z`,
  service: "iv-ketamine",
  status: "booked",
  patient: { id: `p-${id}`, firstName: "A", lastName: id },
});

describe("lanes of the Today grid (until GET /agenda assigns them)", () => {
  it("gives every chair a lane, empty ones included, and never overlaps two sessions in one", () => {
    const lanes = packLanes("chair", 3, [
      entry("a", "14:00", "16:00"),
      entry("b", "15:00", "17:00"),
      entry("c", "16:00", "18:00"),
      entry("d", "14:30", "15:30"),
    ]);
    expect(lanes.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(lanes.map((l) => l.entries.map((e) => e.appointmentId))).toEqual([["a", "c"], ["d"], ["b"]]);
    for (const lane of lanes) {
      for (let i = 1; i < lane.entries.length; i++) {
        expect(lane.entries[i - 1]!.end <= lane.entries[i]!.start).toBe(true);
      }
    }
  });

  it("adds a lane rather than hide a session when the clinic has fewer rooms than bookings", () => {
    const lanes = packLanes("office", 1, [entry("a", "14:00", "15:00"), entry("b", "14:00", "15:00")]);
    expect(lanes.map((l) => [l.number, l.entries.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});
