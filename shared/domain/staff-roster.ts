import { clinicDate } from "./calendar.js";
import type { Clinic } from "./clinic.js";
import { openingHours } from "./opening-hours.js";
import { parseInstant } from "./slot-grid.js";
import { type StaffMember, workingHours } from "./staff.js";
import type { Booking } from "./types.js";

/** Why a change to the roster would leave a booked session without the person who staffs it. */
export type RosterConflictReason = "staff-inactive" | "staff-role" | "staff-hours";

export interface RosterConflict {
  appointmentId: string;
  start: string;
  staffId: string;
  reason: RosterConflictReason;
}

/**
 * The booked sessions, not over at `now`, whose people the new roster would no longer give them: someone
 * made inactive or removed, a role taken away, or working hours that no longer cover the whole session.
 * As for clinic settings, staff move or cancel those first (or assign someone else by rescheduling).
 * Who else the person covers at once is not re-checked: ratios apply as booked.
 */
export function rosterConflicts(
  clinic: Clinic,
  next: readonly StaffMember[],
  bookings: readonly (Booking & { appointmentId: string })[],
  now: string,
): RosterConflict[] {
  const nowMs = Date.parse(now);
  const byId = new Map(next.map((m) => [m.id, m]));
  const conflicts: RosterConflict[] = [];
  const live = bookings
    .filter((b) => Date.parse(b.end) > nowMs && b.holds?.length)
    .sort((a, b) => a.start.localeCompare(b.start) || a.appointmentId.localeCompare(b.appointmentId));
  for (const b of live) {
    for (const hold of b.holds ?? []) {
      const member = byId.get(hold.id);
      const reason: RosterConflictReason | undefined = !member?.active
        ? "staff-inactive"
        : !member.roles.includes(hold.role)
          ? "staff-role"
          : worksThrough(clinic, member, b)
            ? undefined
            : "staff-hours";
      if (reason)
        conflicts.push({ appointmentId: b.appointmentId, start: b.start, staffId: hold.id, reason });
    }
  }
  return conflicts;
}

const NO_DATES: ReadonlySet<string> = new Set();

function worksThrough(clinic: Clinic, member: StaffMember, b: Booking): boolean {
  const startMs = parseInstant(b.start, clinic.timezone);
  const endMs = parseInstant(b.end, clinic.timezone);
  // Closed dates are the closure's business, not the roster's: only the person's weekly hours count here.
  const day = openingHours(
    { hours: workingHours(clinic, member), timezone: clinic.timezone },
    NO_DATES,
    clinicDate(clinic, b.start),
  );
  return day.open && day.windows.some((w) => w.startMs <= startMs && endMs <= w.endMs);
}
