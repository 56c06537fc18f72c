import { describe, expect, it } from "vitest";
import { arrivalInstant } from "../../shared/domain/arrival.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";

const arrival = (clinic: Clinic, start: string) => new Date(arrivalInstant(clinic, start)).toISOString();

describe("when a patient is asked to arrive", () => {
  it("is the clinic's margin before the start, but never before that day's opening", () => {
    expect(arrival(DEFAULT_CLINIC, "2026-12-01T13:00:00Z")).toBe("2026-12-01T13:00:00.000Z");
    expect(arrival(DEFAULT_CLINIC, "2026-12-01T13:15:00Z")).toBe("2026-12-01T13:00:00.000Z");
    expect(arrival(DEFAULT_CLINIC, "2026-12-01T13:30:00Z")).toBe("2026-12-01T13:15:00.000Z");
    // Saturday opens at 9:00.
    expect(arrival(DEFAULT_CLINIC, "2026-12-05T14:00:00Z")).toBe("2026-12-05T14:00:00.000Z");
    expect(arrival({ ...DEFAULT_CLINIC, arrivalMinutesBefore: 0 }, "2026-12-01T13:00:00Z")).toBe(
      "2026-12-01T13:00:00.000Z",
    );
  });

  it("counts real minutes from opening on the night the clocks go forward", () => {
    // Sunday 14 March 2027 in New York: 2:00 AM becomes 3:00 AM. Open from 1:00 AM (EST, 06:00 UTC); a
    // session at 3:00 AM EDT (07:00 UTC) is one real hour after opening, so a 90-minute margin stops there.
    const night: Clinic = {
      ...DEFAULT_CLINIC,
      arrivalMinutesBefore: 90,
      hours: { ...DEFAULT_CLINIC.hours, sun: [{ open: "01:00", close: "06:00" }] },
    };
    expect(arrival(night, "2027-03-14T07:00:00Z")).toBe("2027-03-14T06:00:00.000Z");
    // And in Sydney the clocks go forward on Sunday 3 October 2027, at 2:00 AM local.
    const sydney: Clinic = { ...night, timezone: "Australia/Sydney" };
    // 1:00 AM AEST is 15:00 UTC the day before; 3:00 AM AEDT is 16:00 UTC.
    expect(arrival(sydney, "2027-10-02T16:00:00Z")).toBe("2027-10-02T15:00:00.000Z");
  });
});
