import { BookingCalendar } from "./booking-calendar.js";
import type { Clinic } from "./clinic.js";
import { CapacityTaken, type RuleCode, RuleViolation } from "./errors.js";
import { near } from "./instant-range.js";
import { type PlannedIntegration, planIntegrations } from "./integration-plan.js";
import { addDays, daysBetween, localInstantMs } from "./opening-hours.js";
import type { Protocol, SpacingPhase } from "./protocol.js";
import { planningSpanDays } from "./series-span.js";
import { serviceResource } from "./services.js";
import { HOUR_MS, MINUTE_MS, parseInstant, toUtcIso } from "./slot-grid.js";
import type { StaffHold, StaffMember } from "./staff.js";
import { StaffCalendar, staffNeeds } from "./staffing.js";
import type { Booking, Interval } from "./types.js";

/** A planned session and, in a staffed clinic, the people it holds. */
export interface PlannedSession extends Interval {
  /** Absent where rooms alone decided. */
  staff?: StaffHold[];
}

export type SeriesPlan =
  | {
      ok: true;
      sessions: PlannedSession[];
      /** A protocol with integration sessions (KAP): one after each dosing session, by the protocol's days. */
      integrations?: PlannedIntegration[];
    }
  | { ok: false; code: RuleCode | "capacity" | "staff"; sessionNumber: number; message: string };

const DAY_MS = 24 * HOUR_MS;

/** How far past the previous session to look when no rule bounds a session. */
const OPEN_SEARCH_DAYS = 35;

/** Where the planner may put one session, and why, for the message when it cannot. */
interface SessionWindow {
  /** The first session's local time of day on the preferred date. */
  preferredMs: number;
  /** No session before this (minimum gap, the previous session's end, the start of its week). */
  earliestMs: number;
  /** No session after this. */
  latestMs: number;
  /** The end of the window as a front desk reads it (a week ends at midnight, not at 23:59:59.999). */
  shownEndMs: number;
  /** The rules that bound the window, for the message when nothing fits. */
  limits: string[];
}

/**
 * Plan a whole series, all or nothing. Session 1 is `firstStart`; each later session takes the first
 * session's local time of day on its preferred date when that slot is free and within the rules,
 * else the nearest later free slot inside its window.
 */
export function planSeries(args: {
  clinic: Clinic;
  protocol: Protocol;
  firstStart: string;
  /** Every booking of chairs and offices the series could reach. */
  bookings: readonly Booking[];
  now: string;
  /** The clinic's people; empty or absent: rooms alone decide. */
  roster?: readonly StaffMember[];
}): SeriesPlan {
  const { clinic, protocol } = args;
  const total = protocol.sessions;
  const minutes = protocol.sessionMinutes;
  const firstMs = parseInstant(args.firstStart, clinic.timezone);
  // Nothing the plan can reach lies outside its span (the days a booking reads for it): bookings beyond it
  // are neither parsed nor counted.
  const spanDays = planningSpanDays(protocol) + (protocol.integration?.maxDaysAfter ?? 0) + 1;
  const range = Number.isNaN(firstMs)
    ? undefined
    : { fromMs: firstMs - DAY_MS, toMs: firstMs + spanDays * DAY_MS };
  // Several calendars read the same bookings: pick out the ones near the span once.
  const bookings = range && args.roster?.length ? near(args.bookings, range) : args.bookings;
  // One count of people for the dosing sessions and their integration sessions alike.
  const people = args.roster?.length ? new StaffCalendar(clinic, args.roster, bookings, range) : undefined;
  const needs = staffNeeds(clinic, protocol.id, protocol);
  const staffing = people && needs.length > 0 ? { calendar: people, needs } : undefined;
  const calendar = new BookingCalendar(
    clinic,
    serviceResource(protocol.id),
    bookings,
    args.now,
    range,
    staffing,
  );
  const firstCheck = calendar.check(firstMs, minutes);
  if (!firstCheck.ok) {
    return {
      ok: false,
      code: firstCheck.code,
      sessionNumber: 1,
      message: `Session 1 of ${total} cannot be booked: ${firstCheck.message}`,
    };
  }
  calendar.occupy(firstMs, minutes, firstCheck.staff);

  const first = calendar.local(firstMs);
  const series: SeriesFrame = {
    firstDate: first.toISODate()!,
    t0: first.toFormat("HH:mm"),
    windowEndMs:
      protocol.spacing.windowDays === undefined
        ? Number.POSITIVE_INFINITY
        : first.plus({ days: protocol.spacing.windowDays }).toMillis(),
  };
  const placed: Placed[] = [{ ms: firstMs, staff: firstCheck.staff ?? [] }];
  const weeks = new WeekCounter(protocol.spacing.phases);

  for (let n = 2; n <= total; n++) {
    const prev = placed[n - 2]!;
    const { phase, week } = weeks.next(calendar.localDate(prev.ms), series.firstDate);
    const w = sessionWindow({ calendar, protocol, series, phase, week, prevMs: prev.ms, n });
    // The same people through the series where they are free: continuity of care.
    const next = place(
      calendar,
      w,
      minutes,
      prev.staff.map((h) => h.id),
    );
    if (next === undefined) return failure(calendar, w, n, total);
    // The series holds its chairs and people from here on, as a booking would.
    calendar.occupy(next.ms, minutes, next.staff);
    placed.push(next);
  }
  const sessions = placed.map((p) => ({
    start: toUtcIso(p.ms),
    end: toUtcIso(p.ms + minutes * MINUTE_MS),
    ...(p.staff.length > 0 ? { staff: p.staff } : {}),
  }));
  if (!protocol.integration) return { ok: true, sessions };
  const integrations = planIntegrations({
    clinic,
    protocol,
    dosing: placed.map((p) => ({ startMs: p.ms, staff: p.staff })),
    dosingMinutes: minutes,
    bookings,
    now: args.now,
    ...(range ? { range } : {}),
    ...(people ? { people } : {}),
  });
  if (!integrations.ok) {
    return {
      ok: false,
      code: "spacing-impossible",
      sessionNumber: integrations.sessionNumber,
      message: integrations.message,
    };
  }
  return { ok: true, sessions, integrations: integrations.sessions };
}

/** A session placed: its start and the people it holds. */
interface Placed {
  ms: number;
  staff: StaffHold[];
}

/**
 * `planSeries` for a use case: the sessions, or a `RuleViolation` (422) / `CapacityTaken` (409) naming the
 * session. Only a refusal of session 1 is the start's fault; a later session's names no field.
 */
export function requireSeries(args: Parameters<typeof planSeries>[0]): PlannedSession[] {
  return requireSeriesPlan(args).sessions;
}

/** `requireSeries` with the integration sessions too, for booking a protocol that has them. */
export function requireSeriesPlan(args: Parameters<typeof planSeries>[0]): Extract<SeriesPlan, { ok: true }> {
  const plan = planSeries(args);
  if (plan.ok) return plan;
  const field = plan.sessionNumber === 1 ? "start" : undefined;
  if (plan.code === "capacity" || plan.code === "staff")
    throw new CapacityTaken(plan.message, field, plan.code);
  throw new RuleViolation(plan.code, plan.message, field);
}

interface SeriesFrame {
  firstDate: string;
  t0: string;
  windowEndMs: number;
}

/**
 * Assigns each session its phase and, for per-week phases, its week: 7-day blocks from session 1's
 * local date, a later phase continuing after the weeks of the one before.
 */
class WeekCounter {
  private phaseIndex = 0;
  private indexInPhase = 0; // session 1 already sits at index 0 of phase 0
  private phaseBaseWeek = 0;

  constructor(private readonly phases: readonly SpacingPhase[]) {}

  next(prevDate: string, firstDate: string): { phase: SpacingPhase; week: number | undefined } {
    this.indexInPhase++;
    const current = this.phases[this.phaseIndex]!;
    if (this.indexInPhase >= current.sessions && this.phaseIndex < this.phases.length - 1) {
      this.phaseBaseWeek =
        current.perWeek !== undefined
          ? this.phaseBaseWeek + Math.ceil(current.sessions / current.perWeek)
          : Math.floor(daysBetween(firstDate, prevDate) / 7) + 1;
      this.phaseIndex++;
      this.indexInPhase = 0;
    }
    const phase = this.phases[this.phaseIndex]!;
    const week =
      phase.perWeek === undefined
        ? undefined
        : this.phaseBaseWeek + Math.floor(this.indexInPhase / phase.perWeek);
    return { phase, week };
  }
}

function sessionWindow(args: {
  calendar: BookingCalendar;
  protocol: Protocol;
  series: SeriesFrame;
  phase: SpacingPhase;
  week: number | undefined;
  prevMs: number;
  n: number;
}): SessionWindow {
  const { calendar, protocol, series, phase, week, prevMs, n } = args;
  const zone = calendar.clinic.timezone;
  const prev = `session ${n - 1}`;
  const limits: string[] = [];
  // Elapsed hours: pharmacology does not care about DST. Never overlapping the previous session.
  let earliestMs = prevMs + Math.max(phase.minGapHours * HOUR_MS, protocol.sessionMinutes * MINUTE_MS);
  let latestMs = Number.POSITIVE_INFINITY;
  let shownEndMs = latestMs;
  if (phase.minGapHours > 0) limits.push(`at least ${span(phase.minGapHours)} after ${prev}`);
  if (phase.maxGapHours !== undefined) {
    latestMs = Math.min(latestMs, prevMs + phase.maxGapHours * HOUR_MS);
    shownEndMs = latestMs;
    limits.push(`at most ${span(phase.maxGapHours)} after ${prev}`);
  }
  if (Number.isFinite(series.windowEndMs)) {
    latestMs = Math.min(latestMs, series.windowEndMs);
    shownEndMs = latestMs;
    limits.push(`all within ${protocol.spacing.windowDays} days of the first`);
  }
  if (week !== undefined) {
    const weekStart = localInstantMs(addDays(series.firstDate, 7 * week), "00:00", zone);
    const weekEnd = localInstantMs(addDays(series.firstDate, 7 * week + 7), "00:00", zone);
    earliestMs = Math.max(earliestMs, weekStart);
    if (weekEnd - 1 < latestMs) {
      latestMs = weekEnd - 1;
      shownEndMs = weekEnd;
    }
    limits.push(`${phase.perWeek} a week, in week ${week + 1} of the series`);
  }
  if (!Number.isFinite(latestMs)) {
    latestMs = calendar.local(prevMs).plus({ days: OPEN_SEARCH_DAYS }).toMillis();
    shownEndMs = latestMs;
    limits.push(`searched ${OPEN_SEARCH_DAYS} days after ${prev}`);
  }

  const earliestDate = calendar.localDate(earliestMs);
  let date =
    phase.preferredGapDays === undefined
      ? earliestDate
      : addDays(calendar.localDate(prevMs), phase.preferredGapDays);
  if (date < earliestDate) date = earliestDate;
  let preferredMs = localInstantMs(date, series.t0, zone);
  if (preferredMs < earliestMs) preferredMs = localInstantMs(addDays(date, 1), series.t0, zone);
  return { preferredMs, earliestMs, latestMs, shownEndMs, limits };
}

/** Refusals that say the clinic is not open for a session at that time, as opposed to being full. */
const NOT_OPEN_THEN = new Set(["closed-date", "closed-day", "outside-hours"]);
const MAX_DAYS_KEEPING_TIME = 14;

/**
 * The first session's time of day on the first day, from the preferred one, whose opening hours can hold
 * a session then: a closed Sunday moves a 10:00 session to Monday 10:00, not to Monday's 08:00 opening.
 */
function keptTimeOfDay(calendar: BookingCalendar, w: SessionWindow, minutes: number): number | undefined {
  let ms = w.preferredMs;
  for (let day = 0; day < MAX_DAYS_KEEPING_TIME && ms <= w.latestMs; day++) {
    const check = calendar.check(ms, minutes);
    if (check.ok || !NOT_OPEN_THEN.has(check.code)) return ms;
    ms = calendar.local(ms).plus({ days: 1 }).toMillis();
  }
  return undefined;
}

/**
 * The time of day kept where the clinic is open then and a chair (and, in a staffed clinic, the people the
 * session needs) is free; otherwise the nearest later free slot from there; and only if nothing is free
 * after it, the nearest free slot from the preferred day.
 */
function place(
  calendar: BookingCalendar,
  w: SessionWindow,
  minutes: number,
  prefer: readonly string[],
): Placed | undefined {
  const at = (ms: number, check: ReturnType<BookingCalendar["check"]>) =>
    check.ok ? { ms, staff: check.staff ?? [] } : undefined;
  const kept = keptTimeOfDay(calendar, w, minutes);
  if (kept !== undefined) {
    const here = at(kept, calendar.check(kept, minutes, prefer));
    if (here) return here;
    for (const c of calendar.candidates(kept, w.latestMs, minutes)) {
      const found = at(c.startMs, calendar.free(c.startMs, minutes, prefer));
      if (found) return found;
    }
  }
  for (const c of calendar.candidates(searchFrom(w), w.latestMs, minutes)) {
    const found = at(c.startMs, calendar.free(c.startMs, minutes, prefer));
    if (found) return found;
  }
  return undefined;
}

/**
 * Searching starts at the preferred slot; when keeping the time of day would already leave the
 * window (a short window after a session that moved later), the window's own start is the best left.
 */
function searchFrom(w: SessionWindow): number {
  return w.preferredMs <= w.latestMs ? w.preferredMs : w.earliestMs;
}

function failure(calendar: BookingCalendar, w: SessionWindow, n: number, total: number): SeriesPlan {
  const from = searchFrom(w);
  const head = `Session ${n} of ${total} cannot be placed`;
  if (calendar.localDate(from) > calendar.horizonDate) {
    return {
      ok: false,
      code: "beyond-horizon",
      sessionNumber: n,
      message: `${head}: it would fall on ${calendar.describe(from)}, beyond the ${calendar.clinic.bookingHorizonDays}-day booking horizon.`,
    };
  }
  const window =
    from <= w.latestMs
      ? `between ${label(calendar, from)} and ${label(calendar, w.shownEndMs)}`
      : `after session ${n - 1} within its window`;
  return {
    ok: false,
    code: "spacing-impossible",
    sessionNumber: n,
    message: `${head}: no free ${calendar.resourceName(1)}${calendar.neededPeople} ${window} (${w.limits.join(", ")}).${calendar.missingPeople(from, w.latestMs)}`,
  };
}

function label(calendar: BookingCalendar, ms: number): string {
  return calendar.local(ms).setLocale("en").toFormat("ccc d LLL HH:mm");
}

/** "48 h" reads like the protocol sheet; a week or more reads better in days. */
function span(hours: number): string {
  return hours % 24 === 0 && hours >= 72 ? `${hours / 24} days` : `${hours} h`;
}
