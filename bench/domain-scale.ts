import { freeStarts } from "../shared/domain/calendar.js";
import { type Clinic, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { addDays, openingHours } from "../shared/domain/opening-hours.js";
import { planSeries } from "../shared/domain/planner.js";
import type { Protocol } from "../shared/domain/protocol.js";
import { clinicProtocol } from "../shared/domain/protocol-catalogue.js";
import type { StaffMember } from "../shared/domain/staff.js";
import { NURSE_FOR_THREE, PRESCRIBER_ON_SITE } from "../shared/domain/staff-needs.js";
import { StaffCalendar, staffingFor } from "../shared/domain/staffing.js";
import type { Booking } from "../shared/domain/types.js";
import { median, percentile, round, seededRandom, since, timeRuns } from "./stats.js";

/** A busy clinic: the default hours (weekdays 8-18, Saturday mornings) with 12 treatment chairs. */
const CLINIC: Clinic = { ...DEFAULT_CLINIC, chairs: 12 };
const FIRST_DATE = "2027-01-04"; // a Monday
const NOW = "2027-01-04T12:00:00.000Z"; // 07:00 in New York, before opening
const QUERY_DAYS = 31;

export interface DomainScaleResult {
  bookings: number;
  bookingsInQueryWindow: number;
  calendarDays: number;
  runs: number;
  freeStarts: { days: number; freeStarts: number; firstRunMs: number; medianMs: number; p95Ms: number };
  planSeries: PlanTiming;
  /** The same with 20 people on the roster and every booking holding its nurse (and prescriber). */
  staffed: {
    staff: number;
    freeStarts: { freeStarts: number; firstRunMs: number; medianMs: number; p95Ms: number };
    planSeries: PlanTiming;
  };
}

interface PlanTiming {
  protocol: string;
  sessions: number;
  ok: boolean;
  firstRunMs: number;
  medianMs: number;
  p95Ms: number;
  failure?: string;
}

/** 4 prescribers, 12 nurses, 4 therapists; a quarter of them on hours of their own (mornings or afternoons). */
function roster(): StaffMember[] {
  const roles = [
    ...Array<StaffMember["roles"]>(4).fill(["prescriber"]),
    ...Array<StaffMember["roles"]>(12).fill(["nurse"]),
    ...Array<StaffMember["roles"]>(4).fill(["therapist"]),
  ];
  const half = (open: string, close: string) => ({
    mon: [{ open, close }],
    tue: [{ open, close }],
    wed: [{ open, close }],
    thu: [{ open, close }],
    fri: [{ open, close }],
    sat: [],
    sun: [],
  });
  return roles.map((r, i) => ({
    id: `staff-${i}`,
    name: `Staff ${i}`,
    roles: r,
    ...(i % 4 === 1 ? { hours: i % 8 === 1 ? half("08:00", "13:00") : half("13:00", "18:00") } : {}),
    active: true,
  }));
}

/** The bench's roster, and the bookings holding its people. */
export function staffedForBench(clinic: Clinic, bookings: Booking[]) {
  const people = roster();
  return { people, staffedBookings: staffBookings(clinic, people, bookings) };
}

/** Gives each booking its nurse (and every fourth a prescriber on site), as the API would have, where free. */
function staffBookings(clinic: Clinic, people: StaffMember[], bookings: Booking[]): Booking[] {
  const calendar = new StaffCalendar(clinic, people, []);
  return bookings.map((b, i) => {
    const startMs = Date.parse(b.start);
    const minutes = (Date.parse(b.end) - startMs) / 60_000;
    const needs = i % 4 === 0 ? [PRESCRIBER_ON_SITE, NURSE_FOR_THREE] : [NURSE_FOR_THREE];
    const found = calendar.staff(needs, startMs, minutes);
    if (!found.ok) return b;
    calendar.occupy(found.holds, startMs, minutes);
    // A literal, as the store's adapter builds a capacity day's bookings: V8 reads objects cloned with a
    // leading spread (`{ ...b, holds }`) several times slower, which timed the fixture, not the domain.
    return { resource: b.resource, start: b.start, end: b.end, holds: found.holds };
  });
}

/**
 * Fills every chair of every open day back to back with sessions of 90 to 150 minutes, leaving about one
 * slot in eight free (cancellations, a late start), until `count` bookings exist: a realistic busy
 * calendar that never exceeds capacity, so the free slots the domain finds are the real gaps.
 */
export function busyCalendar(clinic: Clinic, firstDate: string, count: number, seed = 6) {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const bookings: Booking[] = [];
  const closed = new Set(clinic.closedDates);
  let date = firstDate;
  let days = 0;
  for (; bookings.length < count; date = addDays(date, 1), days++) {
    const day = openingHours(clinic, closed, date);
    if (!day.open) continue;
    for (let chair = 0; chair < clinic.chairs && bookings.length < count; chair++) {
      for (const w of day.windows) {
        let t = w.startMs;
        for (;;) {
          const minutes = pick([90, 120, 150, 120]);
          const gapMs = pick([0, 0, 0, 15, 30]) * 60_000;
          const endMs = t + gapMs + minutes * 60_000;
          if (endMs > w.endMs || bookings.length >= count) break;
          if (random() >= 0.12) {
            bookings.push({
              resource: "chair",
              start: new Date(t + gapMs).toISOString(),
              end: new Date(endMs).toISOString(),
            });
          }
          t = endMs;
        }
      }
    }
  }
  return { bookings, days };
}

/**
 * The pure domain at scale: availability over 31 days and a 12-session esketamine plan, given all 5,000
 * bookings (a superset of what the API would pass, so this is the worst case). The first call is
 * reported apart: in a fresh Lambda it is the one that pays for JIT warm-up.
 */
export function measureDomainScale(options: { bookings?: number; runs?: number } = {}): DomainScaleResult {
  const runs = options.runs ?? 30;
  const { bookings, days } = busyCalendar(CLINIC, FIRST_DATE, options.bookings ?? 5_000);
  const toDate = addDays(FIRST_DATE, QUERY_DAYS - 1);
  const windowEnd = `${addDays(toDate, 2)}T00:00:00.000Z`;
  const inWindow = bookings.filter((b) => b.start < windowEnd).length;
  const protocol = clinicProtocol(CLINIC, "esketamine");

  const plain = measureCalendar({ protocol, toDate, bookings, runs });
  // Staffed: the same calendar with its people, and esketamine's needs (a prescriber on site, a nurse).
  const { people, staffedBookings } = staffedForBench(CLINIC, bookings);
  const staffed = measureCalendar({
    protocol,
    toDate,
    bookings: staffedBookings,
    runs,
    roster: people,
    fallbackStart: plain.firstStart,
  });

  return {
    bookings: bookings.length,
    bookingsInQueryWindow: inWindow,
    calendarDays: days,
    runs,
    freeStarts: { days: QUERY_DAYS, ...plain.freeStarts },
    planSeries: plain.planSeries,
    staffed: {
      staff: people.length,
      freeStarts: staffed.freeStarts,
      planSeries: staffed.planSeries,
    },
  };
}

/**
 * Availability over the month and a series planned from its first free start, each timed over `runs`
 * after a first run reported apart; with `roster`, as a clinic that has entered its people.
 */
function measureCalendar(args: {
  protocol: Protocol;
  toDate: string;
  bookings: Booking[];
  runs: number;
  roster?: StaffMember[];
  fallbackStart?: string;
}) {
  const { protocol, bookings, runs, roster } = args;
  const staffing = roster ? staffingFor(CLINIC, roster, protocol.id, protocol) : undefined;
  const available = () =>
    freeStarts({
      clinic: CLINIC,
      resource: "chair",
      minutes: protocol.sessionMinutes,
      fromDate: FIRST_DATE,
      toDate: args.toDate,
      bookings,
      now: NOW,
      ...(staffing ? { staffing } : {}),
    });
  const free = timed(available, runs);
  const firstStart = free.first[0]?.start ?? args.fallbackStart ?? `${FIRST_DATE}T14:00:00.000Z`;
  const plan = timed(
    () =>
      planSeries({ clinic: CLINIC, protocol, firstStart, bookings, now: NOW, ...(roster ? { roster } : {}) }),
    runs,
  );
  const planned = plan.first;
  return {
    firstStart,
    freeStarts: { freeStarts: free.first.length, ...free.timing },
    planSeries: {
      protocol: protocol.id,
      sessions: protocol.sessions,
      ok: planned.ok,
      ...plan.timing,
      ...(planned.ok ? {} : { failure: `${planned.code}: ${planned.message}` }),
    } satisfies PlanTiming,
  };
}

/** The first run's result and time, then the median and p95 of `runs` more. */
function timed<T>(run: () => T, runs: number) {
  const start = performance.now();
  const first = run();
  const firstRunMs = since(start);
  const times = timeRuns(run, runs, 5);
  return {
    first,
    timing: {
      firstRunMs: round(firstRunMs, 2),
      medianMs: round(median(times), 2),
      p95Ms: round(percentile(times, 95), 2),
    },
  };
}
