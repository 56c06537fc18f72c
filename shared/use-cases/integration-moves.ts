import { movedAppointment } from "../domain/appointment-versions.js";
import { clinicDate } from "../domain/calendar.js";
import type { Clinic } from "../domain/clinic.js";
import { RuleViolation } from "../domain/errors.js";
import {
  doseBefore,
  integrationAfter,
  integrationDates,
  integrationWindowProblem,
} from "../domain/integration-follow.js";
import { planIntegrations } from "../domain/integration-plan.js";
import type { Protocol } from "../domain/protocol.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import type { ReminderChanges } from "../domain/reminder-changes.js";
import { movedReminders } from "../domain/reminder-moves.js";
import { parseInstant } from "../domain/slot-grid.js";
import type { StaffHold, StaffMember } from "../domain/staff.js";
import { StaffCalendar } from "../domain/staffing.js";
import type { Appointment, Booking, Patient } from "../domain/types.js";
import type { CapacityDay } from "../ports/store.js";
import { bookingsOf } from "./booking-support.js";
import { type Deps, nowIso } from "./deps.js";

/**
 * KAP's integration sessions when a session of their series moves (see integration-follow.ts):
 * - a dosing session takes the integration session that follows it along, when the move would leave it
 *   outside its days (same time of day where free, its therapist where free), in the same transaction;
 * - an integration session moves only within the days after its dosing session.
 */

/**
 * For a dosing session of a series whose protocol books integration sessions: the booked one that follows
 * it, read with the series (one more read, only for such a series).
 */
export async function followingIntegration(
  deps: Deps,
  protocol: Protocol | undefined,
  session: Appointment,
): Promise<Appointment | undefined> {
  if (!protocol?.integration || session.seriesId === undefined || session.sequence === undefined) {
    return undefined;
  }
  const found = await deps.store.getSeries(session.seriesId);
  return found ? integrationAfter(session, found.sessions, found.integrations) : undefined;
}

/** Whether `follower` still follows `dose` once the dose is at `moved`: then it stays where it is. */
export function stillFollows(
  clinic: Clinic,
  protocol: Protocol,
  follower: Appointment,
  moved: { start: string; end: string },
  dose: Appointment,
): boolean {
  return !integrationWindowProblem(clinic, protocol, { ...moved, sequence: dose.sequence }, follower);
}

/** The days a dose move reads besides its own: the follower's day and the days it may move to. */
function followerDates(clinic: Clinic, protocol: Protocol, follower: Appointment, newStart: string) {
  return [...new Set([clinicDate(clinic, follower.start), ...integrationDates(clinic, protocol, newStart)])];
}

/**
 * Where the integration session following a dose moved to `dose` goes: its new place and people (the
 * dose's time of day where free, its therapist where free); 422 `integration-window` when no office (or
 * therapist) is free on any of its days.
 */
function replaceFollower(args: {
  clinic: Clinic;
  protocol: Protocol;
  dose: { start: string; end: string; sequence: number; staff: readonly StaffHold[] };
  /** Every booking of both rooms on the days read, without the moved dose and its follower. */
  bookings: readonly Booking[];
  roster: readonly StaffMember[];
  now: string;
}): { start: string; end: string; staff: StaffHold[] } {
  const { clinic, protocol, dose } = args;
  const startMs = parseInstant(dose.start, clinic.timezone);
  const minutes = (parseInstant(dose.end, clinic.timezone) - startMs) / 60_000;
  const people = args.roster.length > 0 ? new StaffCalendar(clinic, args.roster, args.bookings) : undefined;
  people?.occupy(dose.staff, startMs, minutes);
  const plan = planIntegrations({
    clinic,
    protocol,
    dosing: [{ startMs, staff: dose.staff, number: dose.sequence }],
    dosingMinutes: minutes,
    bookings: args.bookings,
    now: args.now,
    ...(people ? { people } : {}),
  });
  if (!plan.ok) throw new RuleViolation("integration-window", plan.message, "start");
  const placed = plan.sessions[0]!;
  return { start: placed.start, end: placed.end, staff: placed.staff ?? [] };
}

/**
 * An integration session moved to [start, end) must stay on the days after the dosing session it follows.
 * Decided on the series as read here; the move's write is guarded by the series' version read before it,
 * so a dose moved meanwhile sends it round again. Throws 422 `integration-window`.
 */
export async function assertFollowsDose(
  deps: Deps,
  clinic: Clinic,
  session: Appointment,
  moved: { start: string; end: string },
): Promise<void> {
  if (session.service !== "integration" || session.seriesId === undefined) return;
  const found = await deps.store.getSeries(session.seriesId);
  const dose = found && doseBefore(session.start, found.sessions);
  if (!found || !dose) return;
  const problem = integrationWindowProblem(
    clinic,
    clinicProtocol(clinic, found.series.protocolId),
    dose,
    moved,
  );
  if (problem) throw problem;
}

/**
 * The integration session following a dose, moved because the dose's move left it outside its days (see
 * stillFollows): its new version (re-planned reminders and a notice, as any move), the people it holds,
 * and the capacity days read for it.
 */
export async function moveFollower(
  deps: Deps,
  reads: { clinic: Clinic; patient: Patient; staff: StaffMember[]; days: CapacityDay[] },
  protocol: Protocol,
  dose: Appointment,
  follower: Appointment,
  moved: { start: string; end: string; holds: readonly StaffHold[] },
): Promise<{ next: Appointment; reminders: ReminderChanges; holds: StaffHold[]; days: CapacityDay[] }> {
  const { clinic, patient } = reads;
  const place = { start: moved.start, end: moved.end, sequence: dose.sequence! };
  // Both rooms of the follower's day and of the days it may move to: offices for the room, chairs for
  // the people a staffed clinic's sessions hold.
  const have = new Set(reads.days.map((d) => `${d.resource}#${d.date}`));
  const dates = followerDates(clinic, protocol, follower, moved.start);
  const days: CapacityDay[] = [];
  for (const resource of ["office", "chair"] as const) {
    const missing = dates.filter((date) => !have.has(`${resource}#${date}`));
    if (missing.length > 0) days.push(...(await deps.store.getCapacityDays(resource, missing)));
  }
  const now = nowIso(deps);
  const placed = replaceFollower({
    clinic,
    protocol,
    dose: { ...place, staff: moved.holds },
    bookings: bookingsOf([...reads.days, ...days], new Set([dose.id, follower.id])),
    roster: reads.staff,
    now,
  });
  const reminders = movedReminders({
    clinic,
    patientTimezone: patient.timezone,
    now,
    ids: deps.ids,
    appointment: follower,
    start: placed.start,
    end: placed.end,
  });
  const next = movedAppointment(follower, {
    clinic,
    start: placed.start,
    end: placed.end,
    reminders,
    now,
    holds: placed.staff,
    roster: reads.staff,
  });
  return { next, reminders, holds: placed.staff, days };
}
