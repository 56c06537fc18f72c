import { describe, expect, it } from "vitest";
import { CapacityTaken } from "../../shared/domain/errors.js";
import { planSeries, requireSeries, type SeriesPlan } from "../../shared/domain/planner.js";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import type { Booking, Interval } from "../../shared/domain/types.js";
import { denseBookings } from "./calendar.test-data.js";
import { at, clinicWith, everyDay, hoursBetween, minutesBetween, wall } from "./support.js";

const NY = "America/New_York";
const NOW = at("2026-11-02T09:00", NY);
const iv = DEFAULT_PROTOCOLS["iv-ketamine"];
const im = DEFAULT_PROTOCOLS["im-ketamine"];
const esketamine = DEFAULT_PROTOCOLS.esketamine;
const kap = DEFAULT_PROTOCOLS.kap;
/** Open every day 08:00-18:00, one chair: every move the planner makes comes from a rule or a booking. */
const daily = clinicWith({ chairs: 1, hours: everyDay({ open: "08:00", close: "18:00" }) });
/** Weekdays 08:00-18:00 and Saturday mornings, four chairs. */
const weekdays = clinicWith({ chairs: 4 });

/** A series planned at NOW from a New York wall time: the daily clinic, IV and nothing booked unless given. */
function planFrom(
  firstLocal: string,
  given: Partial<Omit<Parameters<typeof planSeries>[0], "firstStart">> = {},
): SeriesPlan {
  return planSeries({
    clinic: daily,
    protocol: iv,
    bookings: [],
    now: NOW,
    ...given,
    firstStart: at(firstLocal, NY),
  });
}

function sessions(plan: SeriesPlan): Interval[] {
  if (!plan.ok)
    throw new Error(`expected a plan, got ${plan.code} at session ${plan.sessionNumber}: ${plan.message}`);
  return plan.sessions;
}

function walls(plan: SeriesPlan, zone = NY): string[] {
  return sessions(plan).map((s) => wall(s.start, zone));
}

function gapsInHours(list: Interval[]): number[] {
  return list.slice(1).map((s, i) => hoursBetween(list[i]!.start, s.start));
}

function chair(fromLocal: string, toLocal: string): Booking {
  return { resource: "chair", start: at(fromLocal, NY), end: at(toLocal, NY) };
}

describe("planSeries: the protocols of API.md", () => {
  it("IV: 6 sessions of 120 min, 48 h to 7 days apart, all within 21 days, at the first session's time", () => {
    const plan = planFrom("2026-12-07T10:00");
    expect(walls(plan)).toEqual([
      "2026-12-07 Mon 10:00",
      "2026-12-09 Wed 10:00",
      "2026-12-11 Fri 10:00",
      "2026-12-13 Sun 10:00",
      "2026-12-15 Tue 10:00",
      "2026-12-17 Thu 10:00",
    ]);
    const list = sessions(plan);
    expect(list.every((s) => minutesBetween(s.start, s.end) === 120)).toBe(true);
    expect(gapsInHours(list).every((h) => h >= 48 && h <= 7 * 24)).toBe(true);
    expect(hoursBetween(list[0]!.start, list.at(-1)!.start)).toBeLessThanOrEqual(21 * 24);
  });

  it("IM: the IV spacing with 90-minute sessions", () => {
    const plan = planFrom("2026-12-07T16:30", { protocol: im });
    expect(walls(plan)).toEqual([
      "2026-12-07 Mon 16:30",
      "2026-12-09 Wed 16:30",
      "2026-12-11 Fri 16:30",
      "2026-12-13 Sun 16:30",
      "2026-12-15 Tue 16:30",
      "2026-12-17 Thu 16:30",
    ]);
    expect(sessions(plan).every((s) => minutesBetween(s.start, s.end) === 90)).toBe(true);
  });

  it("esketamine: 12 sessions of 150 min, twice a week for 4 weeks, then weekly for 4", () => {
    const plan = planFrom("2027-01-04T10:00", { protocol: esketamine });
    expect(walls(plan)).toEqual([
      "2027-01-04 Mon 10:00",
      "2027-01-06 Wed 10:00",
      "2027-01-11 Mon 10:00",
      "2027-01-13 Wed 10:00",
      "2027-01-18 Mon 10:00",
      "2027-01-20 Wed 10:00",
      "2027-01-25 Mon 10:00",
      "2027-01-27 Wed 10:00",
      "2027-02-01 Mon 10:00",
      "2027-02-08 Mon 10:00",
      "2027-02-15 Mon 10:00",
      "2027-02-22 Mon 10:00",
    ]);
    const list = sessions(plan);
    expect(list.every((s) => minutesBetween(s.start, s.end) === 150)).toBe(true);
    expect(gapsInHours(list).every((h) => h >= 48)).toBe(true);
    const perWeek = new Map<number, number>();
    for (const s of list) {
      const week = Math.floor(hoursBetween(list[0]!.start, s.start) / (7 * 24));
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    expect([...perWeek.values()]).toEqual([2, 2, 2, 2, 1, 1, 1, 1]);
  });

  it("KAP: 6 sessions of 180 min, 14 days apart, keeping 10:00 across the March clock change", () => {
    const plan = planFrom("2027-01-04T10:00", { protocol: kap });
    expect(walls(plan)).toEqual([
      "2027-01-04 Mon 10:00",
      "2027-01-18 Mon 10:00",
      "2027-02-01 Mon 10:00",
      "2027-02-15 Mon 10:00",
      "2027-03-01 Mon 10:00",
      "2027-03-15 Mon 10:00",
    ]);
    const list = sessions(plan);
    expect(list.every((s) => minutesBetween(s.start, s.end) === 180)).toBe(true);
    // The last gap spans the spring-forward night: 14 calendar days, one elapsed hour short.
    expect(gapsInHours(list)).toEqual([336, 336, 336, 336, 335]);
  });

  it("KAP keeps 10:00 across the November clock change too", () => {
    const plan = planFrom("2026-10-05T10:00", { protocol: kap, now: "2026-10-01T00:00:00Z" });
    expect(walls(plan).map((w) => w.slice(-5))).toEqual(Array(6).fill("10:00"));
    expect(gapsInHours(sessions(plan))).toEqual([336, 337, 336, 336, 336]);
  });
});

describe("planSeries: moving sessions", () => {
  it("moves a session from a closed weekend day to Monday at the same time of day", () => {
    const plan = planFrom("2026-12-07T10:00", { clinic: weekdays });
    // Session 4 would be Sunday 10:00: the clinic is closed then, so it keeps 10:00 on Monday rather than
    // taking Monday's 08:00 opening; the patient keeps one time of day for the whole series.
    expect(walls(plan)).toEqual([
      "2026-12-07 Mon 10:00",
      "2026-12-09 Wed 10:00",
      "2026-12-11 Fri 10:00",
      "2026-12-14 Mon 10:00",
      "2026-12-16 Wed 10:00",
      "2026-12-18 Fri 10:00",
    ]);
  });

  it("pushes a session to the nearest later free slot when its time is taken", () => {
    const partly = [chair("2026-12-09T09:00", "2026-12-09T11:30")];
    const plan = planFrom("2026-12-07T10:00", { bookings: partly });
    expect(walls(plan)[1]).toBe("2026-12-09 Wed 11:30");
    // Friday 10:00 is now under 48 h after it: the series goes back to 10:00 on the next day.
    expect(walls(plan)[2]).toBe("2026-12-12 Sat 10:00");
  });

  it("pushes a session to the next day when its whole day is taken", () => {
    const fullDay = [chair("2026-12-09T08:00", "2026-12-09T18:00")];
    const plan = planFrom("2026-12-07T10:00", { bookings: fullDay });
    expect(walls(plan).slice(0, 3)).toEqual([
      "2026-12-07 Mon 10:00",
      "2026-12-10 Thu 08:00",
      "2026-12-12 Sat 10:00",
    ]);
  });

  it("never moves a session earlier than its preferred time, even when earlier slots are free", () => {
    const atTen = [chair("2026-12-09T10:00", "2026-12-09T12:00")];
    const plan = planFrom("2026-12-07T10:00", { bookings: atTen });
    expect(walls(plan)[1]).toBe("2026-12-09 Wed 12:00");
  });

  it("counts its own sessions against capacity", () => {
    // Two patients' worth of sessions in a one-chair clinic: the second series must dodge the first.
    const first = sessions(planFrom("2026-12-07T10:00"));
    const booked: Booking[] = first.map((s) => ({ ...s, resource: "chair" }));
    const second = planFrom("2026-12-08T10:00", { bookings: booked });
    const all = [...first, ...sessions(second)];
    for (const a of all) {
      const overlapping = all.filter((b) => b.start < a.end && a.start < b.end);
      expect(overlapping).toHaveLength(1);
    }
  });

  it("never lets the DST night shorten the 48-hour minimum", () => {
    // Friday 10:00 EST + 48 h is Sunday 11:00 EDT, after the 10:00 slot: the next 10:00 is Monday.
    const plan = planFrom("2027-03-12T10:00");
    expect(walls(plan).slice(0, 2)).toEqual(["2027-03-12 Fri 10:00", "2027-03-15 Mon 10:00"]);
    expect(gapsInHours(sessions(plan)).every((h) => h >= 48)).toBe(true);
  });
});

describe("planSeries: refusals are all or nothing", () => {
  it("refuses with session 1's own reason when the first slot is not bookable", () => {
    const sunday = planFrom("2026-12-06T10:00", { clinic: weekdays });
    expect(sunday).toMatchObject({ ok: false, code: "closed-day", sessionNumber: 1 });
    const past = planFrom("2026-11-01T10:00");
    expect(past).toMatchObject({ ok: false, code: "in-the-past", sessionNumber: 1 });
    const taken = [chair("2026-12-07T11:00", "2026-12-07T12:00")];
    const full = planFrom("2026-12-07T10:00", { bookings: taken });
    expect(full).toMatchObject({ ok: false, code: "capacity", sessionNumber: 1 });
  });

  it("refuses the whole series when session 5 cannot fit, naming the window it searched", () => {
    // Sessions 1-4 fit on 7, 9, 11, 13 Dec; the chair is taken from the 15th to the 21st.
    const blocked = [chair("2026-12-14T12:00", "2026-12-22T00:00")];
    const plan = planFrom("2026-12-07T10:00", { bookings: blocked });
    expect(plan).toMatchObject({ ok: false, code: "spacing-impossible", sessionNumber: 5 });
    expect("sessions" in plan).toBe(false);
    if (!plan.ok) {
      expect(plan.message).toBe(
        "Session 5 of 6 cannot be placed: no free treatment chair between Tue 15 Dec 10:00 and Sun 20 Dec 10:00 " +
          "(at least 48 h after session 4, at most 7 days after session 4, all within 21 days of the first).",
      );
    }
  });

  it("names the booking horizon when the series would run past it", () => {
    const clinic = clinicWith({ ...daily, bookingHorizonDays: 40 });
    const plan = planFrom("2026-11-09T10:00", { clinic: clinic, protocol: kap });
    expect(plan).toMatchObject({ ok: false, code: "beyond-horizon", sessionNumber: 4 });
  });

  it("throws typed errors for a use case", () => {
    const args = { clinic: daily, protocol: iv, now: NOW };
    expect(requireSeries({ ...args, firstStart: at("2026-12-07T10:00", NY), bookings: [] })).toHaveLength(6);
    const taken = [chair("2026-12-07T10:00", "2026-12-07T12:00")];
    expect(() => requireSeries({ ...args, firstStart: at("2026-12-07T10:00", NY), bookings: taken })).toThrow(
      CapacityTaken,
    );
    const blocked = [chair("2026-12-14T12:00", "2026-12-22T00:00")];
    expect(() =>
      requireSeries({ ...args, firstStart: at("2026-12-07T10:00", NY), bookings: blocked }),
    ).toThrow(expect.objectContaining({ name: "RuleViolation", code: "spacing-impossible" }));
  });

  it("does not touch the bookings it was given", () => {
    const bookings = [chair("2026-12-09T10:00", "2026-12-09T12:00")];
    const copy = structuredClone(bookings);
    planFrom("2026-12-07T10:00", { bookings });
    expect(bookings).toEqual(copy);
  });
});

// The 20 ms budget is measured by `npm run bench`, not here: timed tests flake on busy machines.
describe("planSeries at scale", () => {
  it("plans 12 sessions against 5,000 bookings", () => {
    const clinic = clinicWith({ chairs: 12, hours: everyDay({ open: "07:00", close: "21:00" }) });
    const bookings = denseBookings(NY, "2027-01-04", 60, 5000);
    const run = () => planFrom("2027-01-04T09:00", { clinic: clinic, protocol: esketamine, bookings });
    const plan = run();
    expect(plan.ok && plan.sessions.length).toBe(12);
  });
});
