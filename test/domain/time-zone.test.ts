import { describe, expect, it } from "vitest";
import { isCalendarDate, isIanaZone } from "../../shared/domain/time-zone.js";

describe("time-zone validators", () => {
  it("accepts canonical zones and the aliases clinics still type", () => {
    for (const zone of ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]) {
      expect(isIanaZone(zone), zone).toBe(true);
    }
    // Not in Intl's canonical list, but real tz database links: they take the slower, complete check.
    for (const zone of ["Asia/Calcutta", "US/Eastern", "America/Buenos_Aires", "Etc/GMT+5"]) {
      expect(isIanaZone(zone), zone).toBe(true);
    }
  });

  it("refuses offsets, abbreviations and made-up zones", () => {
    for (const zone of [
      "+05:00",
      "EST5EDT ",
      "Mars/Olympus_Mons",
      "America/Springfield",
      "",
      "../etc/passwd",
    ]) {
      expect(isIanaZone(zone), zone).toBe(false);
    }
  });

  it("accepts only dates that exist", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-2-01")).toBe(false);
  });
});
