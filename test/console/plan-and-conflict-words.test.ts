import { describe, expect, it } from "vitest";
import { ApiError } from "../../console/src/api/api-error.js";
import { gapWords } from "../../console/src/pages/book/series-gaps.js";
import { conflictsOf, conflictWhy } from "../../console/src/pages/clinic/conflicts.js";

const NY = "America/New_York";

describe("a series plan's gaps, as the desk reads them to the patient", () => {
  it("counts days on the clinic's calendar, not 24-hour periods", () => {
    // 10:00 PM EST Thursday to 8:00 AM EST Saturday: 34 hours, two clinic days.
    expect(gapWords("2026-12-04T03:00:00Z", "2026-12-05T13:00:00Z", NY)).toBe("2 days later");
    expect(gapWords("2026-12-03T15:00:00Z", "2026-12-04T15:00:00Z", NY)).toBe("next day");
    expect(gapWords("2026-12-03T15:00:00Z", "2026-12-03T19:00:00Z", NY)).toBe("same day");
  });

  it("says weeks when the gap is whole weeks", () => {
    expect(gapWords("2026-12-03T15:00:00Z", "2026-12-10T15:00:00Z", NY)).toBe("1 week later");
    expect(gapWords("2026-12-03T15:00:00Z", "2026-12-17T15:00:00Z", NY)).toBe("2 weeks later");
  });

  it("is not thrown by a change of clock (EDT to EST)", () => {
    expect(gapWords("2026-10-29T14:00:00Z", "2026-11-05T15:00:00Z", NY)).toBe("1 week later");
  });
});

describe("what a refused settings change would strand", () => {
  it("reads the conflicts from a 409's problem", () => {
    const conflicts = [{ appointmentId: "a1", start: "2026-12-24T15:00:00Z", reason: "closed-date" }];
    const error = new ApiError(409, { detail: "These settings would leave …", conflicts } as never);
    expect(conflictsOf(error)).toEqual(conflicts);
  });

  it("finds none in other refusals", () => {
    expect(conflictsOf(new ApiError(409, { detail: "The slot was taken." }))).toEqual([]);
    expect(conflictsOf(new ApiError(422, { conflicts: [{}] } as never))).toEqual([]);
    expect(conflictsOf(new Error("network"))).toEqual([]);
  });

  it("says why in words, and shows an unknown reason rather than hiding it", () => {
    expect(conflictWhy("outside-hours")).toBe("falls outside the new opening hours");
    expect(conflictWhy("some-new-reason")).toBe("some new reason");
  });
});
