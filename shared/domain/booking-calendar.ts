import type { DateTime, IANAZone } from "luxon";
import { DateTime as LuxonDateTime } from "luxon";
import { capacityOf, SlotCounts } from "./capacity.js";
import type { Clinic } from "./clinic.js";
import type { RuleCode } from "./errors.js";
import { certainlyOutside, utcDayBounds } from "./instant-range.js";
import { addDays, type DayHours, openingHours } from "./opening-hours.js";
import { ceilToLocalGrid, isOnLocalGrid, MINUTE_MS, parseInstant, SLOT_MS, zoneOf } from "./slot-grid.js";
import type { StaffHold } from "./staff.js";
import type { StaffNeed } from "./staff-needs.js";
import type { StaffCalendar } from "./staffing.js";
import type { Booking, Resource } from "./types.js";

/**
 * A bookable slot and the people it would hold (none in a clinic that has entered no staff), or the first
 * rule it breaks: `capacity` when every room is taken, `staff` when a room is free but nobody who must be
 * there is.
 */
export type SlotCheck =
  | { ok: true; staff?: StaffHold[] }
  | { ok: false; code: RuleCode | "capacity" | "staff"; message: string };

const OK: SlotCheck = { ok: true };

/** Who the sessions of this calendar need, from the clinic's people as booked (staffing.ts). */
export interface CalendarStaffing {
  calendar: StaffCalendar;
  needs: readonly StaffNeed[];
}

/** A start the calendar offers: on the grid, inside one opening window of `date`. */
export interface Candidate {
  date: string;
  startMs: number;
}

/**
 * The calendar of one resource as of `now`: opening windows per local date (cached, DST resolved
 * once), and slot counts that the planner can add to as it places sessions. Shared by `checkSlot`,
 * `freeStarts` and the planner so the three can never disagree.
 */
export class BookingCalendar {
  readonly zone: IANAZone;
  readonly capacity: number;
  readonly nowMs: number;
  /**
   * The first start a patient can still be on time for: their arrival time (start less the clinic's
   * `arrivalMinutesBefore`) must not have passed, or the confirmation would ask for the impossible.
   */
  readonly earliestStartMs: number;
  /** Last local date staff may book. */
  readonly horizonDate: string;
  private readonly closedDates: ReadonlySet<string>;
  private readonly days = new Map<string, DayHours>();
  private readonly counts: SlotCounts;

  constructor(
    readonly clinic: Clinic,
    readonly resource: Resource,
    bookings: readonly Booking[],
    now: string,
    range?: { fromMs: number; toMs: number },
    /** Absent, or a clinic with nobody on its roster: rooms alone decide. */
    private readonly staffing?: CalendarStaffing,
  ) {
    this.zone = zoneOf(clinic.timezone);
    this.capacity = capacityOf(clinic, resource);
    this.nowMs = parseInstant(now, clinic.timezone);
    if (Number.isNaN(this.nowMs)) throw new TypeError(`now is not an ISO instant: ${now}`);
    this.earliestStartMs = this.nowMs + clinic.arrivalMinutesBefore * MINUTE_MS;
    this.horizonDate = addDays(this.localDate(this.nowMs), clinic.bookingHorizonDays);
    this.closedDates = new Set(clinic.closedDates);
    this.counts = new SlotCounts(range?.fromMs, range?.toMs);
    const bounds = range ? utcDayBounds(range) : undefined;
    for (const b of bookings) {
      if (b.resource !== resource || (bounds && certainlyOutside(b, bounds))) continue;
      this.counts.add(parseInstant(b.start, clinic.timezone), parseInstant(b.end, clinic.timezone));
    }
  }

  local(ms: number): DateTime {
    return LuxonDateTime.fromMillis(ms, { zone: this.zone });
  }

  localDate(ms: number): string {
    return this.local(ms).toISODate()!;
  }

  hours(date: string): DayHours {
    let day = this.days.get(date);
    if (!day) {
      day = openingHours(this.clinic, this.closedDates, date);
      this.days.set(date, day);
    }
    return day;
  }

  /** Count a session the planner just placed, and the people it holds, so later sessions see them. */
  occupy(startMs: number, minutes: number, staff: readonly StaffHold[] = []): void {
    this.counts.add(startMs, startMs + minutes * MINUTE_MS);
    this.staffing?.calendar.occupy(staff, startMs, minutes);
  }

  /**
   * Every rule, in the order a front desk would want to hear about them. `prefer`: people to keep where
   * they are free (the nurse of the session before, the moved session's own).
   */
  check(startMs: number, minutes: number, prefer: readonly string[] = []): SlotCheck {
    if (Number.isNaN(startMs)) return fail("not-on-grid", "The start is not a valid date and time.");
    if (!isOnLocalGrid(startMs, this.zone)) {
      return fail(
        "not-on-grid",
        "Appointments start on the quarter hour (:00, :15, :30 or :45, clinic time).",
      );
    }
    const tooSoon = this.tooSoon(startMs);
    if (tooSoon) return tooSoon;
    const date = this.localDate(startMs);
    if (date > this.horizonDate) {
      return fail(
        "beyond-horizon",
        `Bookings open at most ${this.clinic.bookingHorizonDays} days ahead (until ${formatDate(this.horizonDate)}).`,
      );
    }
    const day = this.hours(date);
    if (!day.open) {
      return day.code === "closed-date"
        ? fail("closed-date", `The clinic is closed on ${formatDate(date)}.`)
        : fail(
            "closed-day",
            `The clinic is closed on ${this.local(startMs).setLocale("en").toFormat("cccc")}s.`,
          );
    }
    const endMs = startMs + minutes * MINUTE_MS;
    if (!day.windows.some((w) => w.startMs <= startMs && endMs <= w.endMs)) {
      const open = day.windows.map((w) => `${this.clock(w.startMs)}-${this.clock(w.endMs)}`).join(", ");
      return fail(
        "outside-hours",
        `${this.clock(startMs)}-${this.clock(endMs)} is outside opening hours on ${formatDate(date)} (open ${open}).`,
      );
    }
    return this.free(startMs, minutes, prefer);
  }

  /** The rules left once a start is known to be on the grid inside an opening window of a bookable date. */
  free(startMs: number, minutes: number, prefer: readonly string[] = []): SlotCheck {
    const tooSoon = this.tooSoon(startMs);
    if (tooSoon) return tooSoon;
    if (this.capacity === 0) {
      return fail("no-capacity-resource", `The clinic has no ${this.resourceName(2)} set up.`);
    }
    const endMs = startMs + minutes * MINUTE_MS;
    if (!this.counts.fits(startMs, endMs, this.capacity)) {
      return fail(
        "capacity",
        `Every ${this.resourceName(1)} is taken at some point between ${this.clock(startMs)} and ${this.clock(endMs)} on ${formatDate(this.localDate(startMs))}.`,
      );
    }
    if (!this.staffing) return OK;
    const people = this.staffing.calendar.staff(this.staffing.needs, startMs, minutes, prefer);
    if (people.ok) return { ok: true, staff: people.holds };
    // Read lazily: availability only asks whether, a booking also why.
    return {
      ok: false,
      code: "staff",
      get message() {
        return people.message;
      },
    };
  }

  /**
   * Whether a room is free for the whole session: what `free` checks first, without composing a refusal.
   * A month of availability asks this of thousands of starts, most of them taken.
   */
  roomsFit(startMs: number, minutes: number): boolean {
    return this.capacity > 0 && this.counts.fits(startMs, startMs + minutes * MINUTE_MS, this.capacity);
  }

  /** " with a prescriber and a nurse" in a staffed clinic, for a message about a window with no room. */
  get neededPeople(): string {
    return this.staffing ? this.staffing.calendar.describeNeeds(this.staffing.needs) : "";
  }

  /** What a window lacked in people ("No prescriber works on Wed 2 Dec."), or "". */
  missingPeople(fromMs: number, toMs: number): string {
    return this.staffing ? this.staffing.calendar.missingRoles(this.staffing.needs, fromMs, toMs) : "";
  }

  /** A start that has passed, or whose arrival time has. */
  private tooSoon(startMs: number): SlotCheck | undefined {
    if (startMs < this.nowMs) return fail("in-the-past", `${this.describe(startMs)} has already passed.`);
    if (startMs >= this.earliestStartMs) return undefined;
    const minutes = this.clinic.arrivalMinutesBefore;
    return fail(
      "arrival-passed",
      `${this.describe(startMs)} is too soon: patients are asked to arrive ${minutes} minutes before, at ${this.clock(startMs - minutes * MINUTE_MS)}, which has passed: pick a later start.`,
    );
  }

  /**
   * Grid starts in [fromMs, toMs] whose whole session fits one opening window, date by date, in
   * time order. Dates past the horizon are left out: nothing there is bookable.
   */
  *candidates(fromMs: number, toMs: number, minutes: number): Generator<Candidate> {
    const durationMs = minutes * MINUTE_MS;
    const lastDate = minDate(this.localDate(toMs), this.horizonDate);
    for (let date = this.localDate(fromMs); date <= lastDate; date = addDays(date, 1)) {
      const day = this.hours(date);
      if (!day.open) continue;
      for (const w of day.windows) {
        const first = ceilToLocalGrid(Math.max(w.startMs, fromMs), this.zone);
        // An offset change inside the window could move the grid; re-check each start only then.
        const steady = this.zone.offset(w.startMs) === this.zone.offset(w.endMs);
        for (let s = first; s + durationMs <= w.endMs && s <= toMs; s += SLOT_MS) {
          if (steady || isOnLocalGrid(s, this.zone)) yield { date, startMs: s };
        }
      }
    }
  }

  clock(ms: number): string {
    return this.local(ms).toFormat("HH:mm");
  }

  /** "Mon 14 Dec 2026 10:00" in clinic time. */
  describe(ms: number): string {
    return this.local(ms).setLocale("en").toFormat("ccc d LLL yyyy HH:mm");
  }

  resourceName(n: number): string {
    const word = this.resource === "chair" ? "treatment chair" : "office";
    return n === 1 ? word : `${word}s`;
  }
}

function fail(code: RuleCode | "capacity" | "staff", message: string): SlotCheck {
  return { ok: false, code, message };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function formatDate(date: string): string {
  return LuxonDateTime.fromISO(date, { zone: "utc" }).setLocale("en").toFormat("ccc d LLL yyyy");
}
