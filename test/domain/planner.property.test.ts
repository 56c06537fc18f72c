import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkSlot, freeStarts } from "../../shared/domain/calendar.js";
import type { Clinic } from "../../shared/domain/clinic.js";
import { planSeries } from "../../shared/domain/planner.js";
import type { Protocol } from "../../shared/domain/protocol.js";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import type { Booking, Interval } from "../../shared/domain/types.js";
import { bookingsArb, dateArb, dstDates, hoursArb, ZONES, zoneArb } from "./arbitraries.js";
import { ALL_DAYS, at, clinicWith, everyDay } from "./support.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;
// The dosing plan on its own: integration sessions (KAP) have their own property below.
const PROTOCOLS = Object.values(DEFAULT_PROTOCOLS).map(({ integration: _, ...dosingOnly }) => dosingOnly);

const scenario = fc
  .record({
    timezone: zoneArb,
    protocol: fc.constantFrom(...PROTOCOLS),
    chairs: fc.integer({ min: 1, max: 3 }),
    // Daytime hours only: the oracle below reads wall clocks, which DST nights would make ambiguous.
    hours: hoursArb({ from: 6 * 60, to: 22 * 60, step: 15, minLength: 180 }),
    closedOffsets: fc.uniqueArray(fc.integer({ min: 1, max: 70 }), { maxLength: 6 }),
    horizon: fc.oneof(
      { weight: 4, arbitrary: fc.constant(365) },
      { weight: 1, arbitrary: fc.integer({ min: 20, max: 90 }) },
    ),
    pick: fc.nat(),
    leadHours: fc.integer({ min: 0, max: 20 * 24 }),
  })
  .chain((s) =>
    fc
      .record({
        firstDate: dateArb(s.timezone),
        bookingsAt: fc.constant(null),
      })
      .chain(({ firstDate }) => {
        const fromMs = Date.parse(at(`${firstDate}T00:00`, s.timezone)) - 86_400_000;
        return bookingsArb(fromMs, 75, 80).map((bookings) => ({ ...s, firstDate, bookings }));
      }),
  );

describe("planSeries: properties on random clinics, 2025-2030", () => {
  it("respects spacing, weeks, hours, closed dates and capacity, and moves a session only when it must", () => {
    let planned = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const closedDates = s.closedOffsets.map((d) => plusDays(s.firstDate, d));
        const clinic = clinicWith({
          timezone: s.timezone,
          chairs: s.chairs,
          hours: s.hours,
          closedDates,
          bookingHorizonDays: s.horizon,
        });
        const dayStarts = freeStarts({
          clinic,
          resource: "chair",
          minutes: s.protocol.sessionMinutes,
          fromDate: s.firstDate,
          toDate: s.firstDate,
          bookings: s.bookings,
          now: "2025-01-01T00:00:00Z",
        });
        fc.pre(dayStarts.length > 0);
        const firstStart = dayStarts[s.pick % dayStarts.length]!.start;
        // Booked at least the arrival margin ahead, so that session 1 itself is bookable.
        const lead = s.leadHours * HOUR + clinic.arrivalMinutesBefore * 60_000;
        const now = new Date(Date.parse(firstStart) - lead).toISOString();
        const plan = planSeries({ clinic, protocol: s.protocol, firstStart, bookings: s.bookings, now });
        if (plan.ok) {
          planned++;
          checkPlan({ clinic, protocol: s.protocol, bookings: s.bookings, now, sessions: plan.sessions });
        } else {
          checkRefusal({
            clinic,
            protocol: s.protocol,
            bookings: s.bookings,
            now,
            firstStart,
            refusal: plan,
          });
        }
      }),
      { numRuns: 50 },
    );
    // Guard against a generator that only ever produces refusals.
    expect(planned).toBeGreaterThan(10);
  });
});

describe("planSeries: clock changes keep the local time", () => {
  const clinic = (timezone: string) =>
    clinicWith({
      timezone,
      chairs: 2,
      hours: everyDay({ open: "08:00", close: "18:00" }),
      bookingHorizonDays: 730,
    });

  for (const zone of ZONES) {
    const changes = dstDates(zone);
    const starts = changes.length > 0 ? changes : ["2026-03-08", "2026-11-01"];
    it(`every protocol keeps 10:00 across each change in ${zone}, 2025-2030`, () => {
      for (const change of starts) {
        for (const protocol of PROTOCOLS) {
          const firstStart = at(`${plusDays(change, -3)}T10:00`, zone);
          const plan = planSeries({
            clinic: clinic(zone),
            protocol,
            firstStart,
            bookings: [],
            now: at(`${plusDays(change, -30)}T12:00`, zone),
          });
          if (!plan.ok) throw new Error(`${zone} ${change} ${protocol.id}: ${plan.message}`);
          const times = plan.sessions.map((x) => DateTime.fromISO(x.start, { zone }).toFormat("HH:mm"));
          expect(times).toEqual(Array(protocol.sessions).fill("10:00"));
          checkPlan({
            clinic: clinic(zone),
            protocol,
            bookings: [],
            now: firstStart,
            sessions: plan.sessions,
          });
        }
      }
    });
  }
});

/** Every rule of API.md, checked from first principles rather than through the calendar code. */
function checkPlan(args: {
  clinic: Clinic;
  protocol: Protocol;
  bookings: Booking[];
  now: string;
  sessions: Interval[];
}) {
  const { clinic, protocol, sessions } = args;
  const zone = clinic.timezone;
  expect(sessions).toHaveLength(protocol.sessions);
  const ms = sessions.map((x) => Date.parse(x.start));
  const local = sessions.map((x) => DateTime.fromISO(x.start, { zone }));
  const first = local[0]!;
  const horizon = plusDays(DateTime.fromISO(args.now, { zone }).toISODate()!, clinic.bookingHorizonDays);

  sessions.forEach((x, i) => {
    const l = local[i]!;
    const date = l.toISODate()!;
    // The 15-minute grid of the clinic clock, the right length, never past, never beyond the horizon.
    expect(l.minute % 15).toBe(0);
    expect(l.second + l.millisecond).toBe(0);
    expect(Date.parse(x.end) - Date.parse(x.start)).toBe(protocol.sessionMinutes * MINUTE);
    expect(Date.parse(x.start)).toBeGreaterThanOrEqual(Date.parse(args.now));
    expect(date <= horizon).toBe(true);
    // Open that day and inside one interval.
    expect(clinic.closedDates).not.toContain(date);
    const startMin = l.hour * 60 + l.minute;
    const endMin = startMin + protocol.sessionMinutes;
    const intervals = clinic.hours[ALL_DAYS[l.weekday - 1]!];
    expect(intervals.some((iv) => minutes(iv.open) <= startMin && endMin <= minutes(iv.close))).toBe(true);
    // Capacity over every quarter hour of the session, counting the other sessions too.
    const others: Interval[] = [
      ...args.bookings.filter((b) => b.resource === "chair"),
      ...sessions.filter((_, j) => j !== i),
    ];
    for (let t = Date.parse(x.start); t < Date.parse(x.end); t += 15 * MINUTE) {
      const busy = others.filter(
        (o) => Date.parse(o.start) < t + 15 * MINUTE && t < Date.parse(o.end),
      ).length;
      expect(busy).toBeLessThan(clinic.chairs);
    }
  });

  // Spacing, window and weeks, rule by rule.
  const rules = sessionRules(protocol);
  for (let i = 1; i < ms.length; i++) {
    const { phase } = rules[i]!;
    const gap = (ms[i]! - ms[i - 1]!) / HOUR;
    expect(gap).toBeGreaterThanOrEqual(Math.max(phase.minGapHours, protocol.sessionMinutes / 60));
    if (phase.maxGapHours !== undefined) expect(gap).toBeLessThanOrEqual(phase.maxGapHours);
    if (protocol.spacing.windowDays !== undefined) {
      expect(ms[i]!).toBeLessThanOrEqual(first.plus({ days: protocol.spacing.windowDays }).toMillis());
    }
  }
  const weekOf = (l: DateTime) =>
    Math.floor(l.startOf("day").diff(first.startOf("day"), "days").days / 7 + 1e-9);
  rules.forEach((r, i) => {
    if (r.week !== undefined) expect(weekOf(local[i]!)).toBe(r.week);
  });

  // The first session's time of day is kept unless its slot on the preferred day is not available,
  // and then the session takes the nearest later free slot.
  const t0 = first.toFormat("HH:mm");
  for (let i = 1; i < ms.length; i++) {
    const w = windowOf({ clinic, protocol, firstMs: ms[0]!, prevMs: ms[i - 1]!, rule: rules[i]!, t0 });
    expect(ms[i]!).toBeGreaterThanOrEqual(w.earliest);
    expect(ms[i]!).toBeLessThanOrEqual(w.latest);
    if (ms[i] === w.preferred) continue;
    const earlier = [
      ...args.bookings,
      ...sessions.slice(0, i).map((x) => ({ ...x, resource: "chair" as const })),
    ];
    const from = w.preferred <= w.latest ? w.preferred : w.earliest;
    const free = freeStarts({
      clinic,
      resource: "chair",
      minutes: protocol.sessionMinutes,
      fromDate: DateTime.fromMillis(Math.min(from, w.preferred), { zone }).toISODate()!,
      toDate: local[i]!.toISODate()!,
      bookings: earlier,
      now: args.now,
    }).map((x) => Date.parse(x.start));
    const preferredFeasible = w.preferred <= w.latest && free.includes(w.preferred);
    expect(preferredFeasible).toBe(false);
    const inWindow = (t: number) => t >= w.earliest && t <= w.latest;
    const kept = keptTimeOfDay({
      clinic,
      protocol,
      bookings: earlier,
      now: args.now,
      preferred: w.preferred,
      latest: w.latest,
    });
    if (kept !== undefined && ms[i]! >= kept) {
      // Days the clinic is not open at that time are passed over to keep the time of day; from the kept
      // slot on, the session takes the nearest free one.
      const fromKept = freeStarts({
        clinic,
        resource: "chair",
        minutes: protocol.sessionMinutes,
        fromDate: DateTime.fromMillis(kept, { zone }).toISODate()!,
        toDate: local[i]!.toISODate()!,
        bookings: earlier,
        now: args.now,
      }).map((x) => Date.parse(x.start));
      expect(fromKept.filter((t) => t >= kept && t < ms[i]! && inWindow(t))).toEqual([]);
    } else {
      // Nothing was free from the kept slot on, so the nearest free slot from the preferred day was taken.
      expect(free.filter((t) => t >= from && t < ms[i]! && inWindow(t))).toEqual([]);
    }
  }
}

/** Test oracle for the kept time of day: T0 on the first day from the preferred one open at that time. */
function keptTimeOfDay(a: {
  clinic: Clinic;
  protocol: Protocol;
  bookings: Booking[];
  now: string;
  preferred: number;
  latest: number;
}): number | undefined {
  let t = DateTime.fromMillis(a.preferred, { zone: a.clinic.timezone });
  for (let day = 0; day < 14 && t.toMillis() <= a.latest; day++) {
    const check = checkSlot({
      clinic: a.clinic,
      resource: "chair",
      start: t.toUTC().toISO()!,
      minutes: a.protocol.sessionMinutes,
      bookings: a.bookings,
      now: a.now,
    });
    if (check.ok || !["closed-date", "closed-day", "outside-hours"].includes(check.code)) return t.toMillis();
    t = t.plus({ days: 1 });
  }
  return undefined;
}

/** A refusal must be real: replanning the sessions before it, its window holds no free slot. */
function checkRefusal(args: {
  clinic: Clinic;
  protocol: Protocol;
  bookings: Booking[];
  now: string;
  firstStart: string;
  refusal: { code: string; sessionNumber: number; message: string };
}) {
  const { clinic, protocol, refusal } = args;
  expect(refusal.sessionNumber).toBeGreaterThanOrEqual(2);
  expect(refusal.message).toContain(`Session ${refusal.sessionNumber} of ${protocol.sessions}`);
  expect(["spacing-impossible", "beyond-horizon"]).toContain(refusal.code);
  const before = truncate(protocol, refusal.sessionNumber - 1);
  const prefix = planSeries({ ...args, protocol: before });
  if (!prefix.ok) throw new Error(`the sessions before a refusal must plan: ${prefix.message}`);
  const sessions = prefix.sessions;
  const ms = sessions.map((x) => Date.parse(x.start));
  const rule = sessionRules(protocol)[refusal.sessionNumber - 1]!;
  const t0 = DateTime.fromMillis(ms[0]!, { zone: clinic.timezone }).toFormat("HH:mm");
  const w = windowOf({ clinic, protocol, firstMs: ms[0]!, prevMs: ms.at(-1)!, rule, t0 });
  const from = w.preferred <= w.latest ? w.preferred : w.earliest;
  if (from > w.latest) return;
  const free = freeStarts({
    clinic,
    resource: "chair",
    minutes: protocol.sessionMinutes,
    fromDate: DateTime.fromMillis(from, { zone: clinic.timezone }).toISODate()!,
    toDate: DateTime.fromMillis(w.latest, { zone: clinic.timezone }).toISODate()!,
    bookings: [...args.bookings, ...sessions.map((x) => ({ ...x, resource: "chair" as const }))],
    now: args.now,
  }).map((x) => Date.parse(x.start));
  expect(free.filter((t) => t >= from && t <= w.latest)).toEqual([]);
}

interface Rule {
  phase: Protocol["spacing"]["phases"][number];
  week?: number;
}

/** Phase and week of each session; weeks of a later per-week phase follow those of the one before. */
function sessionRules(protocol: Protocol): Rule[] {
  const out: Rule[] = [];
  let baseWeek = 0;
  for (const phase of protocol.spacing.phases) {
    for (let k = 0; k < phase.sessions; k++) {
      out.push(phase.perWeek ? { phase, week: baseWeek + Math.floor(k / phase.perWeek) } : { phase });
    }
    if (phase.perWeek) baseWeek += Math.ceil(phase.sessions / phase.perWeek);
  }
  return out.slice(0, protocol.sessions);
}

/** The spec's window of one session, restated independently of the planner. */
function windowOf(a: {
  clinic: Clinic;
  protocol: Protocol;
  firstMs: number;
  prevMs: number;
  rule: Rule;
  t0: string;
}) {
  const zone = a.clinic.timezone;
  const first = DateTime.fromMillis(a.firstMs, { zone });
  const prev = DateTime.fromMillis(a.prevMs, { zone });
  let earliest = a.prevMs + Math.max(a.rule.phase.minGapHours * HOUR, a.protocol.sessionMinutes * MINUTE);
  let latest = Number.POSITIVE_INFINITY;
  if (a.rule.phase.maxGapHours !== undefined)
    latest = Math.min(latest, a.prevMs + a.rule.phase.maxGapHours * HOUR);
  if (a.protocol.spacing.windowDays !== undefined) {
    latest = Math.min(latest, first.plus({ days: a.protocol.spacing.windowDays }).toMillis());
  }
  if (a.rule.week !== undefined) {
    const weekStart = first.startOf("day").plus({ days: 7 * a.rule.week });
    earliest = Math.max(earliest, weekStart.toMillis());
    latest = Math.min(latest, weekStart.plus({ days: 7 }).toMillis() - 1);
  }
  if (!Number.isFinite(latest)) latest = prev.plus({ days: 35 }).toMillis();
  const earliestDate = DateTime.fromMillis(earliest, { zone }).startOf("day");
  let day = a.rule.phase.preferredGapDays
    ? prev.startOf("day").plus({ days: a.rule.phase.preferredGapDays })
    : earliestDate;
  if (day < earliestDate) day = earliestDate;
  const [h, m] = a.t0.split(":").map(Number);
  let preferred = day.set({ hour: h, minute: m }).toMillis();
  if (preferred < earliest) preferred = day.plus({ days: 1 }).set({ hour: h, minute: m }).toMillis();
  return { earliest, latest, preferred };
}

function truncate(protocol: Protocol, count: number): Protocol {
  const phases: Protocol["spacing"]["phases"] = [];
  let left = count;
  for (const p of protocol.spacing.phases) {
    if (left <= 0) break;
    phases.push({ ...p, sessions: Math.min(p.sessions, left) });
    left -= p.sessions;
  }
  return { ...protocol, sessions: count, spacing: { ...protocol.spacing, phases } };
}

function minutes(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
}

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate()!;
}

describe("planSeries: KAP's integration sessions on random clinics", () => {
  const kap = DEFAULT_PROTOCOLS.kap;
  it("books one per dosing session, in an office, 1 to 3 clinic days after it, open, free, never on a dose", () => {
    let planned = 0;
    fc.assert(
      fc.property(
        fc.record({
          timezone: zoneArb,
          offices: fc.integer({ min: 1, max: 2 }),
          hours: hoursArb({ from: 6 * 60, to: 22 * 60, step: 15, minLength: 240 }),
          pick: fc.nat(),
        }),
        fc.integer({ min: 0, max: 1000 }),
        (s, seed) => {
          const clinic = clinicWith({
            timezone: s.timezone,
            chairs: 2,
            offices: s.offices,
            hours: s.hours,
            bookingHorizonDays: 730,
          });
          const firstDate = plusDays("2026-01-05", seed % 900);
          const fromMs = Date.parse(at(`${firstDate}T00:00`, s.timezone));
          const bookings = fc.sample(bookingsArb(fromMs, 95, 60), { numRuns: 1, seed })[0]!;
          const starts = freeStarts({
            clinic,
            resource: "chair",
            minutes: kap.sessionMinutes,
            fromDate: firstDate,
            toDate: firstDate,
            bookings,
            now: "2025-01-01T00:00:00Z",
          });
          fc.pre(starts.length > 0);
          const firstStart = starts[s.pick % starts.length]!.start;
          const now = "2025-01-01T00:00:00Z";
          const plan = planSeries({ clinic, protocol: kap, firstStart, bookings, now });
          if (!plan.ok) return;
          planned++;
          const integrations = plan.integrations ?? [];
          expect(integrations.map((x) => x.after)).toEqual(plan.sessions.map((_, i) => i + 1));
          const zone = clinic.timezone;
          integrations.forEach((x, i) => {
            const dose = DateTime.fromISO(plan.sessions[i]!.start, { zone });
            const l = DateTime.fromISO(x.start, { zone });
            const days = l.startOf("day").diff(dose.startOf("day"), "days").days;
            expect(Math.round(days)).toBeGreaterThanOrEqual(1);
            expect(Math.round(days)).toBeLessThanOrEqual(3);
            expect(l.minute % 15).toBe(0);
            expect(Date.parse(x.end) - Date.parse(x.start)).toBe(clinic.serviceMinutes.integration * MINUTE);
            const startMin = l.hour * 60 + l.minute;
            const endMin = startMin + clinic.serviceMinutes.integration;
            const intervals = clinic.hours[ALL_DAYS[l.weekday - 1]!];
            expect(intervals.some((iv) => minutes(iv.open) <= startMin && endMin <= minutes(iv.close))).toBe(
              true,
            );
            for (const d of plan.sessions)
              expect(Date.parse(x.start) < Date.parse(d.end) && Date.parse(d.start) < Date.parse(x.end)).toBe(
                false,
              );
            const others = [
              ...bookings.filter((b) => b.resource === "office"),
              ...integrations.filter((_, j) => j !== i),
            ];
            for (let t = Date.parse(x.start); t < Date.parse(x.end); t += 15 * MINUTE) {
              const busy = others.filter(
                (o) => Date.parse(o.start) < t + 15 * MINUTE && t < Date.parse(o.end),
              );
              expect(busy.length).toBeLessThan(clinic.offices);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    expect(planned).toBeGreaterThan(5);
  });
});
