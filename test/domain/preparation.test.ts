import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { preparationDetails } from "../../shared/domain/preparation.js";
import type { Protocol } from "../../shared/domain/protocol.js";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";

const IV = DEFAULT_PROTOCOLS["iv-ketamine"];
const inZone = (timezone: string): Clinic => ({ ...DEFAULT_CLINIC, timezone });
const withSolidHours = (hours: number): Protocol => ({
  ...IV,
  fasting: { ...IV.fasting, solidFoodHours: hours },
});
const hoursBetween = (later: string, earlier: string) =>
  DateTime.fromISO(later).diff(DateTime.fromISO(earlier), "hours").hours;

describe("preparationDetails", () => {
  it("reads the cut-offs on the clinic's clock: a 10:00 AM session under a 6 h rule says 4:00 AM", () => {
    const prep = preparationDetails({ clinic: DEFAULT_CLINIC, protocol: IV, start: "2026-12-01T15:00:00Z" });
    expect(prep.sessionStart.time).toBe("10:00 AM");
    expect(prep.solidFoodCutoff).toEqual({
      instant: "2026-12-01T09:00:00Z",
      time: "4:00 AM",
      label: "4:00 AM",
    });
    expect(prep.liquidsCutoff.label).toBe("8:00 AM");
    expect(prep.arrival.label).toBe("9:45 AM");
    expect(prep.liquidsKind).toBe("clear");
    expect(prep.driverRequired).toBe(true);
    expect(prep.noDrivingUntil).toBe("next-day");
    expect(prep.zoneAbbreviation).toBe("EST");
    expect(prep.bring).toEqual(IV.instructions.bring);
    expect(prep.notes).toEqual(IV.instructions.notes);
  });

  it("accepts a start given with an offset and still answers on the clinic's clock", () => {
    const prep = preparationDetails({
      clinic: DEFAULT_CLINIC,
      protocol: IV,
      start: "2026-12-01T16:00:00+01:00",
    });
    expect(prep.sessionStart.label).toBe("10:00 AM");
    expect(prep.sessionStart.instant).toBe("2026-12-01T15:00:00Z");
  });

  it("names the day when a cut-off falls on the evening before", () => {
    const prep = preparationDetails({
      clinic: DEFAULT_CLINIC,
      protocol: withSolidHours(14),
      start: "2026-12-01T10:00:00-05:00",
    });
    expect(prep.solidFoodCutoff.time).toBe("8:00 PM");
    expect(prep.solidFoodCutoff.label).toBe("8:00 PM on Monday, 30 November");
  });

  it("gives esketamine's 30-minute 'any liquid' rule and its no-driving-after-sleep rule", () => {
    const prep = preparationDetails({
      clinic: DEFAULT_CLINIC,
      protocol: DEFAULT_PROTOCOLS.esketamine,
      start: "2026-12-01T10:00:00-05:00",
    });
    expect(prep.solidFoodCutoff.label).toBe("8:00 AM");
    expect(prep.liquidsCutoff.label).toBe("9:30 AM");
    expect(prep.liquidsKind).toBe("any");
    expect(prep.driverRequired).toBe(false);
    expect(prep.noDrivingUntil).toBe("next-day-after-sleep");
  });

  it("uses the clinic's arrival margin", () => {
    const clinic = { ...DEFAULT_CLINIC, arrivalMinutesBefore: 30 };
    const prep = preparationDetails({ clinic, protocol: IV, start: "2026-12-01T15:00:00Z" });
    expect(prep.arrival.label).toBe("9:30 AM");
  });

  // Fasting counts elapsed hours; on a DST night the answer differs from naive clock subtraction.
  // Transitions here: New York 8 Mar / 1 Nov 2026, London 29 Mar / 25 Oct, Sydney 5 Apr / 4 Oct.
  describe.each([
    {
      zone: "America/New_York",
      start: "2026-03-08T08:00:00-04:00",
      hours: 6,
      time: "1:00 AM",
      naive: "2:00 AM (does not exist)",
    },
    {
      zone: "America/New_York",
      start: "2026-11-01T10:00:00-05:00",
      hours: 10,
      time: "1:00 AM",
      naive: "12:00 AM",
    },
    {
      zone: "Europe/London",
      start: "2026-03-29T07:00:00+01:00",
      hours: 6,
      time: "12:00 AM",
      naive: "1:00 AM (does not exist)",
    },
    {
      zone: "Europe/London",
      start: "2026-10-25T06:00:00+00:00",
      hours: 6,
      time: "1:00 AM",
      naive: "12:00 AM",
    },
    {
      zone: "Australia/Sydney",
      start: "2026-10-04T08:00:00+11:00",
      hours: 6,
      time: "1:00 AM",
      naive: "2:00 AM (does not exist)",
    },
    {
      zone: "Australia/Sydney",
      start: "2026-04-05T08:00:00+10:00",
      hours: 7,
      time: "2:00 AM",
      naive: "1:00 AM",
    },
  ])("on the DST night in $zone, $hours h before $start", ({ zone, start, hours, time }) => {
    it(`is ${time} on the wall clock, exactly ${hours} elapsed hours earlier`, () => {
      const prep = preparationDetails({ clinic: inZone(zone), protocol: withSolidHours(hours), start });
      expect(prep.solidFoodCutoff.time).toBe(time);
      expect(hoursBetween(start, prep.solidFoodCutoff.instant)).toBe(hours);
    });
  });

  it.each([
    ["America/New_York", "2026-03-08T10:00:00-04:00", "EDT"],
    ["America/New_York", "2026-11-01T10:00:00-05:00", "EST"],
    ["Europe/London", "2026-03-29T10:00:00+01:00", "BST"],
    ["Europe/London", "2026-10-25T10:00:00+00:00", "GMT"],
    ["Australia/Sydney", "2026-10-04T10:00:00+11:00", "AEDT"],
    ["Australia/Sydney", "2026-04-05T10:00:00+10:00", "AEST"],
  ])(
    "in %s on the DST day of %s a 10:00 AM session under 6 h still says 4:00 AM (%s)",
    (zone, start, abbr) => {
      const prep = preparationDetails({ clinic: inZone(zone), protocol: IV, start });
      expect(prep.sessionStart.time).toBe("10:00 AM");
      expect(prep.solidFoodCutoff.time).toBe("4:00 AM");
      expect(prep.zoneAbbreviation).toBe(abbr);
    },
  );

  it("always puts each cut-off its rule's elapsed hours before the start, labelled with the day when it differs", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Sydney",
      "Asia/Kolkata",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2028-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 96 }),
        fc.integer({ min: 0, max: 96 }),
        (zone, date, solidQuarters, liquidQuarters) => {
          const start = date.toISOString();
          const protocol: Protocol = {
            ...IV,
            fasting: {
              solidFoodHours: solidQuarters / 4,
              liquidsHours: liquidQuarters / 4,
              liquidsKind: "clear",
            },
          };
          const prep = preparationDetails({ clinic: inZone(zone), protocol, start });
          expect(hoursBetween(start, prep.solidFoodCutoff.instant)).toBeCloseTo(solidQuarters / 4, 6);
          expect(hoursBetween(start, prep.liquidsCutoff.instant)).toBeCloseTo(liquidQuarters / 4, 6);
          const cutoffDay = DateTime.fromISO(prep.solidFoodCutoff.instant, { zone }).toISODate();
          const sessionDay = DateTime.fromISO(start, { zone }).toISODate();
          expect(prep.solidFoodCutoff.label === prep.solidFoodCutoff.time).toBe(cutoffDay === sessionDay);
        },
      ),
    );
  });
});
