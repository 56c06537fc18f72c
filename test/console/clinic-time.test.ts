import { describe, expect, it } from "vitest";
import {
  addDays,
  clinicDateOf,
  clinicWallTime,
  formatTimeRange,
  formatTimeWithZone,
  instantOfWallTime,
  minutesIntoDay,
  weekdayOf,
  zoneAbbreviation,
} from "../../console/src/time/clinic-time.js";

const NY = "America/New_York";

describe("the console's clock: every time on the clinic's clock, with its zone", () => {
  it("names the zone as it is on that day, across a DST change", () => {
    expect(formatTimeWithZone("2026-03-07T15:00:00Z", NY)).toBe("10:00 AM EST");
    expect(formatTimeWithZone("2026-03-09T14:00:00Z", NY)).toBe("10:00 AM EDT");
    expect(zoneAbbreviation("Asia/Kolkata", "2026-06-01T00:00:00Z")).toBe("GMT+5:30");
  });

  it("shows a session as a range on one clock", () => {
    expect(formatTimeRange("2026-12-03T15:00:00Z", "2026-12-03T17:00:00Z", NY)).toBe(
      "10:00 AM – 12:00 PM EST",
    );
    expect(formatTimeRange("2026-12-03T13:00:00Z", "2026-12-03T15:00:00Z", NY)).toBe("8:00 – 10:00 AM EST");
  });

  it("puts an instant on the clinic's calendar, not the browser's or UTC's", () => {
    // 03:30 UTC on the 1st is still the evening of November 30 in New York.
    expect(clinicDateOf("2026-12-01T03:30:00Z", NY)).toBe("2026-11-30");
    expect(minutesIntoDay("2026-12-01T03:30:00Z", NY)).toBe(22 * 60 + 30);
    expect(clinicDateOf("2026-12-01T03:30:00Z", "Australia/Sydney")).toBe("2026-12-01");
  });

  it("does date arithmetic on dates, free of zones", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09"); // the DST Sunday has 23 hours, not a shorter date
    expect(weekdayOf("2026-11-30")).toBe("mon");
    expect(weekdayOf("2026-12-06")).toBe("sun");
  });

  it("reads a datetime field on the clinic's clock, whatever the browser's zone, both ways", () => {
    expect(clinicWallTime("2026-12-08T14:05:59.999Z", NY)).toBe("2026-12-08T09:05");
    expect(instantOfWallTime("2026-12-08T09:05", NY)).toBe("2026-12-08T14:05:00.000Z");
    expect(instantOfWallTime("2026-07-01T09:05", NY)).toBe("2026-07-01T13:05:00.000Z");
    expect(instantOfWallTime("2026-12-08T09:05", "Asia/Kolkata")).toBe("2026-12-08T03:35:00.000Z");
    // Either side of a DST change, and the hour spring-forward skips reads as the hour after (as Luxon).
    expect(instantOfWallTime("2026-03-08T01:30", NY)).toBe("2026-03-08T06:30:00.000Z");
    expect(instantOfWallTime("2026-03-08T03:30", NY)).toBe("2026-03-08T07:30:00.000Z");
    expect(instantOfWallTime("2026-03-08T02:30", NY)).toBe("2026-03-08T07:30:00.000Z");
    expect(instantOfWallTime("2026-11-01T00:30", NY)).toBe("2026-11-01T04:30:00.000Z");
    expect(instantOfWallTime("", NY)).toBeUndefined();
    expect(instantOfWallTime("2026-12-08 09:05", NY)).toBeUndefined();
  });
});
