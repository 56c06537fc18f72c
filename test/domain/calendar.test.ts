import { describe, expect, it } from "vitest";
import {
  assertSlot,
  capacityOf,
  checkSlot,
  clinicDate,
  datesBetween,
  freeStarts,
} from "../../shared/domain/calendar.js";
import { CapacityTaken, RuleViolation } from "../../shared/domain/errors.js";
import type { Booking } from "../../shared/domain/types.js";
import { denseBookings } from "./calendar.test-data.js";
import { at, clinicWith, everyDay, wall } from "./support.js";

const NY = "America/New_York";
const NOW = at("2026-12-01T09:00", NY);
const split = clinicWith({
  chairs: 1,
  offices: 1,
  hours: everyDay({ open: "08:00", close: "12:00" }, { open: "13:00", close: "18:00" }),
  closedDates: ["2026-12-25"],
});

function check(local: string, minutes: number, bookings: Booking[] = [], clinic = split, now = NOW) {
  return checkSlot({ clinic, resource: "chair", start: at(local, clinic.timezone), minutes, bookings, now });
}

function chair(fromLocal: string, toLocal: string, zone = NY): Booking {
  return { resource: "chair", start: at(fromLocal, zone), end: at(toLocal, zone) };
}

describe("checkSlot", () => {
  it("keeps a session inside one opening interval of a split day", () => {
    expect(check("2026-12-07T10:00", 120)).toEqual({ ok: true });
    expect(check("2026-12-07T13:00", 120)).toEqual({ ok: true });
    expect(check("2026-12-07T16:00", 120)).toEqual({ ok: true });
    // 11:00-13:00 spans the lunch closure, 16:15-18:15 runs past closing.
    expect(check("2026-12-07T11:00", 120)).toMatchObject({ ok: false, code: "outside-hours" });
    expect(check("2026-12-07T16:15", 120)).toMatchObject({ ok: false, code: "outside-hours" });
    expect(check("2026-12-07T07:45", 60)).toMatchObject({ ok: false, code: "outside-hours" });
  });

  it("names the opening hours in the outside-hours message", () => {
    const r = check("2026-12-07T11:00", 120);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("08:00-12:00, 13:00-18:00");
  });

  it("refuses closed dates and closed weekdays", () => {
    expect(check("2026-12-25T10:00", 60)).toMatchObject({ ok: false, code: "closed-date" });
    const weekdays = clinicWith({ hours: { ...split.hours, sun: [] } });
    expect(check("2026-12-06T10:00", 60, [], weekdays)).toMatchObject({ ok: false, code: "closed-day" });
    expect(check("2026-12-07T10:00", 60, [], weekdays)).toEqual({ ok: true });
  });

  it("counts capacity over the whole session, not only its start", () => {
    const lateOverlap = [chair("2026-12-07T09:30", "2026-12-07T10:00")];
    // An 08:00-10:00 session meets that booking at its minute 90.
    expect(check("2026-12-07T08:00", 120, lateOverlap)).toMatchObject({ ok: false, code: "capacity" });
    // Intervals are half-open: a session may start as another ends.
    expect(check("2026-12-07T10:00", 60, lateOverlap)).toEqual({ ok: true });
    expect(check("2026-12-07T08:00", 90, lateOverlap)).toEqual({ ok: true });
  });

  it("allows as many overlapping sessions as there are chairs, and counts offices apart", () => {
    const two = clinicWith({ ...split, chairs: 2 });
    const one = [chair("2026-12-07T10:00", "2026-12-07T12:00")];
    const both = [...one, chair("2026-12-07T11:00", "2026-12-07T11:15")];
    expect(check("2026-12-07T10:00", 120, one, two)).toEqual({ ok: true });
    expect(check("2026-12-07T10:00", 120, both, two)).toMatchObject({ ok: false, code: "capacity" });
    const office: Booking = { ...one[0]!, resource: "office" };
    expect(check("2026-12-07T10:00", 120, [office])).toEqual({ ok: true });
  });

  it("counts a booking that ends off the grid as holding its last quarter hour", () => {
    const ragged = [chair("2026-12-07T08:00", "2026-12-07T09:05")];
    expect(check("2026-12-07T09:00", 60, ragged)).toMatchObject({ ok: false, code: "capacity" });
    expect(check("2026-12-07T09:15", 60, ragged)).toEqual({ ok: true });
  });

  it("refuses the past, starts off the quarter hour, and dates beyond the horizon", () => {
    const now = at("2026-12-07T10:05", NY);
    expect(check("2026-12-07T10:00", 60, [], split, now)).toMatchObject({ ok: false, code: "in-the-past" });
    // Not past, but its arrival time (15 minutes before, 10:00) is: the patient cannot be on time.
    expect(check("2026-12-07T10:15", 60, [], split, now)).toMatchObject({
      ok: false,
      code: "arrival-passed",
    });
    expect(check("2026-12-07T10:30", 60, [], split, now)).toEqual({ ok: true });
    expect(check("2026-12-07T10:10", 60)).toMatchObject({ ok: false, code: "not-on-grid" });
    expect(check("2026-12-07T10:00:30", 60)).toMatchObject({ ok: false, code: "not-on-grid" });
    const short = clinicWith({ ...split, bookingHorizonDays: 10 });
    expect(check("2026-12-11T10:00", 60, [], short)).toEqual({ ok: true });
    expect(check("2026-12-12T10:00", 60, [], short)).toMatchObject({ ok: false, code: "beyond-horizon" });
  });

  it("refuses a resource the clinic does not have", () => {
    const none = clinicWith({ ...split, chairs: 0 });
    expect(check("2026-12-07T10:00", 60, [], none)).toMatchObject({
      ok: false,
      code: "no-capacity-resource",
    });
  });

  it("reads the grid on the clinic's clock, also in a half-hour zone", () => {
    const kolkata = clinicWith({ ...split, timezone: "Asia/Kolkata" });
    const start = at("2026-12-07T10:00", "Asia/Kolkata");
    expect(start).toBe("2026-12-07T04:30:00.000Z");
    const ok = checkSlot({ clinic: kolkata, resource: "chair", start, minutes: 60, bookings: [], now: NOW });
    expect(ok).toEqual({ ok: true });
    const off = checkSlot({
      clinic: kolkata,
      resource: "chair",
      start: "2026-12-07T04:40:00Z",
      minutes: 60,
      bookings: [],
      now: NOW,
    });
    expect(off).toMatchObject({ ok: false, code: "not-on-grid" });
  });

  it("accepts any offset in the request", () => {
    const r = checkSlot({
      clinic: split,
      resource: "chair",
      start: "2026-12-07T16:00:00+01:00",
      minutes: 60,
      bookings: [],
      now: NOW,
    });
    expect(r).toEqual({ ok: true });
  });

  it("throws typed errors for a use case", () => {
    const args = { clinic: split, resource: "chair" as const, minutes: 60, now: NOW };
    expect(() => assertSlot({ ...args, start: at("2026-12-25T10:00", NY), bookings: [] })).toThrow(
      RuleViolation,
    );
    const taken = [chair("2026-12-07T10:00", "2026-12-07T11:00")];
    expect(() => assertSlot({ ...args, start: at("2026-12-07T10:00", NY), bookings: taken })).toThrow(
      CapacityTaken,
    );
    expect(() => assertSlot({ ...args, start: at("2026-12-07T11:00", NY), bookings: taken })).not.toThrow();
  });
});

describe("freeStarts", () => {
  it("lists every quarter hour whose whole session fits, in order", () => {
    const slots = freeStarts({
      clinic: split,
      resource: "chair",
      minutes: 120,
      fromDate: "2026-12-07",
      toDate: "2026-12-07",
      bookings: [],
      now: NOW,
    });
    // 08:00-10:00 (9 starts: 08:00..10:00) and 13:00-16:00 (13 starts).
    expect(slots.map((s) => wall(s.start, NY).slice(-5))).toEqual([
      ...quarterHours("08:00", "10:00"),
      ...quarterHours("13:00", "16:00"),
    ]);
    expect(slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 120 * 60_000)).toBe(true);
    expect(slots[0]!.start).toBe("2026-12-07T13:00:00.000Z");
  });

  it("leaves out taken, past, closed and beyond-horizon times", () => {
    const now = at("2026-12-24T09:00", NY);
    const clinic = clinicWith({ ...split, bookingHorizonDays: 2 });
    const slots = freeStarts({
      clinic,
      resource: "chair",
      minutes: 60,
      fromDate: "2026-12-23",
      toDate: "2026-12-31",
      bookings: [chair("2026-12-24T13:00", "2026-12-24T18:00")],
      now,
    });
    // 24th: 09:15..11:00 (09:00's arrival time has passed; afternoon taken); 25th closed; 26th all day;
    // 27th beyond the horizon.
    expect(slots.map((s) => wall(s.start, NY))).toEqual([
      ...quarterHours("09:15", "11:00").map((t) => `2026-12-24 Thu ${t}`),
      ...quarterHours("08:00", "11:00").map((t) => `2026-12-26 Sat ${t}`),
      ...quarterHours("13:00", "17:00").map((t) => `2026-12-26 Sat ${t}`),
    ]);
  });

  it("counts real hours on the nights the clocks change", () => {
    const night = clinicWith({ chairs: 1, hours: everyDay({ open: "00:00", close: "04:00" }) });
    const args = { clinic: night, resource: "chair" as const, minutes: 60, bookings: [], now: NOW };
    // 1 Nov 2026: 01:00-02:00 happens twice, so the night is five hours long.
    const fallBack = freeStarts({
      ...args,
      fromDate: "2026-11-01",
      toDate: "2026-11-01",
      now: "2026-10-01T00:00:00Z",
    });
    expect(fallBack).toHaveLength(17);
    expect(fallBack[0]!.start).toBe("2026-11-01T04:00:00.000Z");
    expect(fallBack.at(-1)!.end).toBe("2026-11-01T09:00:00.000Z");
    // 8 Mar 2026: 02:00-03:00 never happens, so the night is three hours long.
    const springForward = freeStarts({
      ...args,
      fromDate: "2026-03-08",
      toDate: "2026-03-08",
      now: "2026-03-01T00:00:00Z",
    });
    expect(springForward).toHaveLength(9);
    expect(springForward.at(-1)!.end).toBe("2026-03-08T08:00:00.000Z");
  });

  it("keeps daytime hours on DST days at their wall-clock times", () => {
    const clinic = clinicWith({ chairs: 1, hours: everyDay({ open: "08:00", close: "18:00" }) });
    const slots = freeStarts({
      clinic,
      resource: "chair",
      minutes: 600,
      fromDate: "2026-03-07",
      toDate: "2026-03-09",
      bookings: [],
      now: "2026-03-01T00:00:00Z",
    });
    expect(slots.map((s) => s.start)).toEqual([
      "2026-03-07T13:00:00.000Z",
      "2026-03-08T12:00:00.000Z",
      "2026-03-09T12:00:00.000Z",
    ]);
  });

  it("returns nothing for a reversed range", () => {
    const slots = freeStarts({
      clinic: split,
      resource: "chair",
      minutes: 60,
      fromDate: "2026-12-08",
      toDate: "2026-12-07",
      bookings: [],
      now: NOW,
    });
    expect(slots).toEqual([]);
  });

  // Its speed budget (20 ms) is measured by `npm run bench`, not here: timed tests flake on busy machines.
  it("answers 31 days for 12 chairs and 5,000 bookings", () => {
    const clinic = clinicWith({ chairs: 12, hours: everyDay({ open: "07:00", close: "21:00" }) });
    const bookings = denseBookings(clinic.timezone, "2027-01-04", 31, 5000);
    const run = () =>
      freeStarts({
        clinic,
        resource: "chair",
        minutes: 120,
        fromDate: "2027-01-04",
        toDate: "2027-02-03",
        bookings,
        now: "2027-01-01T00:00:00Z",
      });
    const slots = run();
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start >= "2027-01-04" && s.start < "2027-02-05")).toBe(true);
  });
});

describe("capacityOf, clinicDate, datesBetween", () => {
  it("reads chairs and offices", () => {
    expect(capacityOf(clinicWith({ chairs: 3, offices: 2 }), "chair")).toBe(3);
    expect(capacityOf(clinicWith({ chairs: 3, offices: 2 }), "office")).toBe(2);
  });

  it("reads the date on the clinic's clock", () => {
    expect(clinicDate({ timezone: NY }, "2026-12-08T03:00:00Z")).toBe("2026-12-07");
    expect(clinicDate({ timezone: "Australia/Sydney" }, "2026-12-07T20:00:00Z")).toBe("2026-12-08");
  });

  it("lists dates inclusively across month ends and DST", () => {
    expect(datesBetween("2026-10-30", "2026-11-02")).toEqual([
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
      "2026-11-02",
    ]);
    expect(datesBetween("2026-11-02", "2026-11-01")).toEqual([]);
  });
});

function quarterHours(from: string, to: string): string[] {
  const out: string[] = [];
  const [fh, fm] = from.split(":").map(Number);
  const [th, tm] = to.split(":").map(Number);
  for (let m = fh! * 60 + fm!; m <= th! * 60 + tm!; m += 15) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  }
  return out;
}
