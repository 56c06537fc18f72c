import type { Clinic, WeeklyHours } from "./clinic.js";
import type { StaffNeed, StaffRole } from "./staff-needs.js";

/**
 * A person on the clinic's roster. Staff names are not patient data, but they are people's names all the
 * same: they go in API answers and on appointments, never in logs.
 */
export interface StaffMember {
  id: string;
  name: string;
  roles: StaffRole[];
  /** Own working hours, read like the clinic's; absent: the clinic's opening hours. */
  hours?: WeeklyHours;
  /** An inactive member keeps their past sessions but is given no new ones. */
  active: boolean;
  /** Their work address, for the clinic's own use; nothing is sent to it. */
  email?: string;
}

/** Who staffs a session, as the appointment shows it. */
export interface StaffAssignment {
  id: string;
  name: string;
  role: StaffRole;
}

/**
 * A session's hold on one person, as the capacity day keeps it beside the booking: the person, the role
 * they fill and how many such sessions they cover at once, as booked (a later change of the clinic's
 * ratios applies to bookings made after it).
 */
export interface StaffHold {
  id: string;
  role: StaffRole;
  sessionsAtOnce: StaffNeed["sessionsAtOnce"];
}

/** When a member works: their own hours, or the clinic's. */
export function workingHours(clinic: Pick<Clinic, "hours">, member: StaffMember): WeeklyHours {
  return member.hours ?? clinic.hours;
}

/** The appointment's view of its holds: each with the person's name as the roster has it. */
export function assignmentsOf(
  holds: readonly StaffHold[],
  roster: readonly StaffMember[],
): StaffAssignment[] {
  return holds.map((h) => ({
    id: h.id,
    name: roster.find((m) => m.id === h.id)?.name ?? "",
    role: h.role,
  }));
}

/** A session with the people it holds named on it; none held (rooms alone decided): no `staff` field. */
export function withStaff<T extends { staff?: StaffAssignment[] }>(
  session: T,
  holds: readonly StaffHold[],
  roster: readonly StaffMember[],
): T {
  const { staff: _previous, ...rest } = session;
  return (holds.length > 0 ? { ...rest, staff: assignmentsOf(holds, roster) } : rest) as T;
}
