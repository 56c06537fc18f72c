import { describe, expect, it } from "vitest";
import { applyQuietHours } from "../../shared/domain/quiet-hours.js";
import { at, clinicWith, wall } from "./support.js";

const NY = "America/New_York";
const clinic = clinicWith({});
const NOW = at("2026-11-20T09:00", NY);

function quiet(dueLocal: string, zone = NY, now = NOW, hours = clinic.quietHours): string {
  return wall(
    applyQuietHours({ dueAt: at(dueLocal, zone), now, clinic: { quietHours: hours }, patientTimezone: zone }),
    zone,
  );
}

describe("applyQuietHours (21:00-08:00 by default)", () => {
  it("moves a late-evening due time back to 21:00 the same evening", () => {
    expect(quiet("2026-12-07T22:30")).toBe("2026-12-07 Mon 21:00");
  });

  it("moves a small-hours due time back to 21:00 the evening before", () => {
    expect(quiet("2026-12-08T03:00")).toBe("2026-12-07 Mon 21:00");
    expect(quiet("2026-12-08T07:59")).toBe("2026-12-07 Mon 21:00");
  });

  it("leaves daytime and the edges alone", () => {
    expect(quiet("2026-12-08T08:00")).toBe("2026-12-08 Tue 08:00");
    expect(quiet("2026-12-08T14:15")).toBe("2026-12-08 Tue 14:15");
    expect(quiet("2026-12-07T21:00")).toBe("2026-12-07 Mon 21:00");
  });

  it("reads the patient's clock, not the clinic's", () => {
    // 16:30 in New York is 21:30 in London.
    const due = at("2026-12-07T16:30", NY);
    const moved = applyQuietHours({ dueAt: due, now: NOW, clinic, patientTimezone: "Europe/London" });
    expect(wall(moved, "Europe/London")).toBe("2026-12-07 Mon 21:00");
    expect(applyQuietHours({ dueAt: due, now: NOW, clinic, patientTimezone: NY })).toBe(due);
  });

  it("reads a quiet start of 24:00 as midnight, with the span ending the same morning", () => {
    const midnightToEight = { start: "24:00", end: "08:00" };
    expect(quiet("2026-12-08T03:00", NY, NOW, midnightToEight)).toBe("2026-12-08 Tue 00:00");
    expect(quiet("2026-12-08T09:00", NY, NOW, midnightToEight)).toBe("2026-12-08 Tue 09:00");
    expect(quiet("2026-12-08T23:30", NY, NOW, midnightToEight)).toBe("2026-12-08 Tue 23:30");
  });

  it("never moves before now", () => {
    const now = at("2026-12-07T23:00", NY);
    expect(applyQuietHours({ dueAt: at("2026-12-08T06:00", NY), now, clinic, patientTimezone: NY })).toBe(
      now,
    );
  });

  it("finds the evening before across a clock change", () => {
    // 1 Nov 2026 falls back at 02:00: the night is 12 elapsed hours long, and 21:00 is still 21:00.
    const early = "2026-01-01T00:00:00Z";
    expect(quiet("2026-11-01T07:00", NY, early)).toBe("2026-10-31 Sat 21:00");
    expect(quiet("2027-03-14T07:00", NY, early)).toBe("2027-03-13 Sat 21:00");
    expect(quiet("2026-10-04T07:00", "Australia/Sydney", early)).toBe("2026-10-03 Sat 21:00");
  });

  it("supports quiet hours inside one day, and none at all", () => {
    expect(quiet("2026-12-07T14:00", NY, NOW, { start: "13:00", end: "15:00" })).toBe("2026-12-07 Mon 13:00");
    expect(quiet("2026-12-07T15:00", NY, NOW, { start: "13:00", end: "15:00" })).toBe("2026-12-07 Mon 15:00");
    expect(quiet("2026-12-07T03:00", NY, NOW, { start: "00:00", end: "00:00" })).toBe("2026-12-07 Mon 03:00");
  });
});
