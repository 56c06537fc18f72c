import type { DateTime, IANAZone } from "luxon";
import { DateTime as LuxonDateTime } from "luxon";
import { formatDate } from "./booking-calendar.js";
import { SlotCounts } from "./capacity.js";
import type { Clinic, WeeklyHours } from "./clinic.js";
import { certainlyOutside, utcDayBounds } from "./instant-range.js";
import { addDays, type DayHours, openingHours } from "./opening-hours.js";
import type { Protocol } from "./protocol.js";
import { MINUTE_MS, parseInstant, zoneOf } from "./slot-grid.js";
import { type StaffHold, type StaffMember, workingHours } from "./staff.js";
import type { StaffNeed, StaffRole } from "./staff-needs.js";
import type { Interval, ServiceId } from "./types.js";

/** A booking as far as people are concerned: whom it holds, from the capacity days of chairs and offices. */
export interface StaffedBooking extends Interval {
  holds?: readonly StaffHold[];
}

/** Who a session needs and who may fill it, as a use case hands them to the calendar. */
export interface StaffingInput {
  roster: readonly StaffMember[];
  needs: readonly StaffNeed[];
}

/** Who may staff a session of `service` in this clinic; undefined while the roster is empty. */
export function staffingFor(
  clinic: Pick<Clinic, "serviceStaff">,
  roster: readonly StaffMember[],
  service: ServiceId,
  protocol?: Pick<Protocol, "staff">,
): StaffingInput | undefined {
  return roster.length > 0 ? { roster, needs: staffNeeds(clinic, service, protocol) } : undefined;
}

/**
 * The staffing a booking calendar checks, from the bookings of chairs and offices alike (a therapist's
 * office hour and their chair session are one person's time); none when the clinic has entered nobody or
 * the session needs nobody, so rooms alone decide as before staff existed.
 */
export function calendarStaffing(
  clinic: Clinic,
  input: StaffingInput | undefined,
  bookings: readonly StaffedBooking[],
  range?: { fromMs: number; toMs: number },
): { calendar: StaffCalendar; needs: readonly StaffNeed[] } | undefined {
  // Whether the clinic is staffed at all is `staffingFor`'s to say (from the whole roster): a roster
  // narrowed to nobody here means nobody is free, not that rooms alone decide.
  if (!input || input.needs.length === 0) return undefined;
  return { calendar: new StaffCalendar(clinic, input.roster, bookings, range), needs: input.needs };
}

export type StaffCheck = { ok: true; holds: StaffHold[] } | { ok: false; message: string };

/**
 * One person's whole attention, in units every `sessionsAtOnce` from 1 to 12 divides: shares then add up
 * exactly (three thirds are one whole, never 0.9999999).
 */
const WHOLE = 27_720;

function shareOf(sessionsAtOnce: StaffNeed["sessionsAtOnce"]): number {
  return sessionsAtOnce === "on-site" ? 0 : WHOLE / sessionsAtOnce;
}

/**
 * Who a service needs, as this clinic runs it: consultations and integration sessions by the clinic's
 * `serviceStaff`, a protocol session or a booster by its protocol's `staff`.
 */
export function staffNeeds(
  clinic: Pick<Clinic, "serviceStaff">,
  service: ServiceId,
  protocol?: Pick<Protocol, "staff">,
): readonly StaffNeed[] {
  if (service === "consultation" || service === "integration") return clinic.serviceStaff[service];
  return protocol?.staff ?? [];
}

/**
 * The people of one clinic as of the bookings read: who works when (their hours, or the clinic's, on the
 * clinic's open days), and how much of each person's attention every 15-minute slot already takes. Shared
 * by booking, rescheduling, availability and the series planner, so they can never disagree about who is
 * free. A clinic that has entered nobody is not staffed: rooms alone decide, as before staff existed.
 */
export class StaffCalendar {
  private readonly zone: IANAZone;
  private readonly closedDates: ReadonlySet<string>;
  private readonly loads = new Map<string, SlotCounts>();
  private readonly days = new Map<WeeklyHours, Map<string, DayHours>>();
  private readonly byRole = new Map<StaffRole, readonly StaffMember[]>();
  private lastDay: { date: string; startMs: number; endMs: number } | undefined;

  constructor(
    readonly clinic: Clinic,
    readonly roster: readonly StaffMember[],
    booked: readonly StaffedBooking[],
    /** Bookings outside it are never asked about, so they are not counted. */
    private readonly range?: { fromMs: number; toMs: number },
  ) {
    this.zone = zoneOf(clinic.timezone);
    this.closedDates = new Set(clinic.closedDates);
    const bounds = range ? utcDayBounds(range) : undefined;
    for (const b of booked) {
      if (!b.holds?.length || (bounds && certainlyOutside(b, bounds))) continue;
      const startMs = parseInstant(b.start, clinic.timezone);
      const endMs = parseInstant(b.end, clinic.timezone);
      for (const hold of b.holds) this.load(hold.id).add(startMs, endMs, shareOf(hold.sessionsAtOnce));
    }
  }

  /**
   * Fills every need of a session over [startMs, startMs + minutes), each with a different person who is
   * active, has the role, works the whole session and has room for its share then. People in `prefer`
   * come first (the same therapist through a series), then the roster's order, which fills one nurse's
   * chairs before the next nurse's. A clinic not staffed never asks (see staffingFor).
   */
  staff(
    needs: readonly StaffNeed[],
    startMs: number,
    minutes: number,
    prefer: readonly string[] = [],
  ): StaffCheck {
    if (needs.length === 0) return { ok: true, holds: [] };
    const endMs = startMs + minutes * MINUTE_MS;
    const date = this.localDate(startMs);
    // First choices first, need by need: almost always the answer, after a person or two per need (a
    // month of availability asks this of every start). Only when that runs into one person wanted for two
    // needs does the full search run. Plain loops, no closures: this runs for every start of a month.
    const greedy: StaffMember[] = [];
    for (const need of needs) {
      const m = this.firstFree(need, date, startMs, endMs, prefer, greedy);
      if (!m) break;
      greedy.push(m);
    }
    if (greedy.length === needs.length) return this.held(needs, greedy);
    // Messages are put into words only when read: availability asks about hundreds of starts and
    // wants only yes or no.
    const stuck = needs[greedy.length]!;
    if (!this.firstFree(stuck, date, startMs, endMs, prefer, [])) {
      // Nobody at all for this need (the needs before it each had someone): the usual refusal, found
      // without the full search.
      return refusal(() => this.whyNobody(stuck, startMs, endMs));
    }
    const fits = (m: StaffMember, need: StaffNeed) => this.canTake(m, need, date, startMs, endMs);
    const candidates = needs.map((need) => this.ordered(need, prefer).filter((m) => fits(m, need)));
    const missing = needs.findIndex((_, i) => candidates[i]!.length === 0);
    if (missing !== -1) return refusal(() => this.whyNobody(needs[missing]!, startMs, endMs));
    const chosen = pick(candidates, 0, new Set());
    if (!chosen) {
      const roles = [...new Set(needs.map((n) => n.role))].map((r) => `a ${r}`).join(" and ");
      return refusal(
        () =>
          `${capitalise(roles)} must be different people, and not enough of them are free ${this.span(startMs, endMs)}.`,
      );
    }
    return this.held(needs, chosen);
  }

  /** The first person, preferred ones first, who can fill `need` and is not already `taken`. */
  private firstFree(
    need: StaffNeed,
    date: string,
    startMs: number,
    endMs: number,
    prefer: readonly string[],
    taken: readonly StaffMember[],
  ): StaffMember | undefined {
    for (const id of prefer) {
      const m = this.withRole(need.role).find((p) => p.id === id);
      if (m && !taken.includes(m) && this.canTake(m, need, date, startMs, endMs)) return m;
    }
    for (const m of this.withRole(need.role)) {
      if (!taken.includes(m) && this.canTake(m, need, date, startMs, endMs)) return m;
    }
    return undefined;
  }

  /** The people with `need`'s role, those in `prefer` first in its order, then the roster's. */
  private ordered(need: StaffNeed, prefer: readonly string[]): readonly StaffMember[] {
    const people = this.withRole(need.role);
    if (prefer.length === 0) return people;
    const rank = (m: StaffMember) => {
      const i = prefer.indexOf(m.id);
      return i === -1 ? prefer.length : i;
    };
    return [...people].sort((a, b) => rank(a) - rank(b));
  }

  private held(needs: readonly StaffNeed[], people: readonly StaffMember[]): StaffCheck {
    return {
      ok: true,
      holds: people.map((m, i) => ({
        id: m.id,
        role: needs[i]!.role,
        sessionsAtOnce: needs[i]!.sessionsAtOnce,
      })),
    };
  }

  /** Count a session the planner just placed, so later sessions see its people as taken. */
  occupy(holds: readonly StaffHold[], startMs: number, minutes: number): void {
    const endMs = startMs + minutes * MINUTE_MS;
    for (const hold of holds) this.load(hold.id).add(startMs, endMs, shareOf(hold.sessionsAtOnce));
  }

  /**
   * What a front desk needs to hear when a whole window had no one: the days in it the clinic is open but
   * nobody with a needed role works at all ("No prescriber works on Wed 2 Dec, Thu 3 Dec."), else "".
   */
  missingRoles(needs: readonly StaffNeed[], fromMs: number, toMs: number): string {
    if (needs.length === 0 || !(fromMs <= toMs)) return "";
    const byRole = new Map<StaffRole, string[]>();
    const last = this.localDate(toMs);
    for (let date = this.localDate(fromMs); date <= last; date = addDays(date, 1)) {
      const open = openingHours(this.clinic, this.closedDates, date);
      if (!open.open) continue;
      for (const role of new Set(needs.map((n) => n.role))) {
        const someone = this.roster.some(
          (m) =>
            m.active &&
            m.roles.includes(role) &&
            open.windows.some((w) =>
              this.windows(m, date).some((x) => x.startMs < w.endMs && w.startMs < x.endMs),
            ),
        );
        if (!someone) byRole.set(role, [...(byRole.get(role) ?? []), date]);
      }
    }
    return [...byRole]
      .map(([role, dates]) => ` No ${role} works on ${dates.map(shortDate).join(", ")}.`)
      .join("");
  }

  /** "a prescriber and a nurse": for messages that say what a slot lacked. */
  describeNeeds(needs: readonly StaffNeed[]): string {
    if (needs.length === 0) return "";
    return ` with ${needs.map((n) => `a ${n.role}`).join(" and ")}`;
  }

  /** The active people with a role, in roster order (asked for every start a month of availability tries). */
  private withRole(role: StaffRole): readonly StaffMember[] {
    let found = this.byRole.get(role);
    if (!found) {
      found = this.roster.filter((m) => m.active && m.roles.includes(role));
      this.byRole.set(role, found);
    }
    return found;
  }

  /** `m` already has the role and is active (see withRole). */
  private canTake(m: StaffMember, need: StaffNeed, date: string, startMs: number, endMs: number): boolean {
    return (
      this.works(m, date, startMs, endMs) &&
      (need.sessionsAtOnce === "on-site" ||
        this.load(m.id).fits(startMs, endMs, WHOLE, shareOf(need.sessionsAtOnce)))
    );
  }

  /** The whole session inside one of the person's working intervals on `date`, the session's local date. */
  private works(m: StaffMember, date: string, startMs: number, endMs: number): boolean {
    return this.windows(m, date).some((w) => w.startMs <= startMs && endMs <= w.endMs);
  }

  private windows(m: StaffMember, date: string) {
    // Keyed by the hours themselves: most people work the clinic's hours (one object), so a month of
    // availability works out each day's windows once per distinct set of hours, not once per person.
    const hours = workingHours(this.clinic, m);
    let byDate = this.days.get(hours);
    if (!byDate) {
      byDate = new Map();
      this.days.set(hours, byDate);
    }
    let day = byDate.get(date);
    if (!day) {
      day = openingHours({ hours, timezone: this.clinic.timezone }, this.closedDates, date);
      byDate.set(date, day);
    }
    return day.open ? day.windows : [];
  }

  private whyNobody(need: StaffNeed, startMs: number, endMs: number): string {
    const withRole = this.roster.filter((m) => m.active && m.roles.includes(need.role));
    if (withRole.length === 0) return `The clinic has no active ${need.role} on its staff list.`;
    const date = this.localDate(startMs);
    const working = withRole.filter((m) => this.works(m, date, startMs, endMs));
    if (working.length === 0) return `No ${need.role} works ${this.span(startMs, endMs)}.`;
    const busy =
      need.sessionsAtOnce === 1
        ? "already with another session then"
        : `already covering as many sessions as they can then (${need.sessionsAtOnce} at once)`;
    return `Every ${need.role} working ${this.span(startMs, endMs)} is ${busy}.`;
  }

  private load(id: string): SlotCounts {
    let load = this.loads.get(id);
    if (!load) {
      load = new SlotCounts(this.range?.fromMs, this.range?.toMs);
      this.loads.set(id, load);
    }
    return load;
  }

  private local(ms: number): DateTime {
    return LuxonDateTime.fromMillis(ms, { zone: this.zone });
  }

  /** The clinic-local date of `ms`; the day last asked about is kept, as starts come day by day. */
  private localDate(ms: number): string {
    const last = this.lastDay;
    if (last && last.startMs <= ms && ms < last.endMs) return last.date;
    const local = this.local(ms);
    const startMs = local.startOf("day").toMillis();
    this.lastDay = {
      date: local.toISODate()!,
      startMs,
      endMs: local.plus({ days: 1 }).startOf("day").toMillis(),
    };
    return this.lastDay.date;
  }

  /** "09:00-11:00 on Wed 2 Dec 2026", clinic time. */
  private span(startMs: number, endMs: number): string {
    const clock = (ms: number) => this.local(ms).toFormat("HH:mm");
    return `${clock(startMs)}-${clock(endMs)} on ${formatDate(this.localDate(startMs))}`;
  }
}

/** Distinct people for the needs, first choices first: a small search (a session needs at most four). */
function pick(
  candidates: readonly StaffMember[][],
  i: number,
  taken: Set<string>,
): StaffMember[] | undefined {
  if (i === candidates.length) return [];
  for (const m of candidates[i]!) {
    if (taken.has(m.id)) continue;
    taken.add(m.id);
    const rest = pick(candidates, i + 1, taken);
    taken.delete(m.id);
    if (rest) return [m, ...rest];
  }
  return undefined;
}

function shortDate(date: string): string {
  return LuxonDateTime.fromISO(date, { zone: "utc" }).setLocale("en").toFormat("ccc d LLL");
}

/** A refusal whose words are made on first read, and kept. */
function refusal(words: () => string): StaffCheck {
  let message: string | undefined;
  return {
    ok: false,
    get message() {
      message ??= words();
      return message;
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
