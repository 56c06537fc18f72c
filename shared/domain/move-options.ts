import { freeStarts } from "./calendar.js";
import type { Clinic } from "./clinic.js";
import { type SessionPlace, spacingProblem } from "./series-spacing.js";
import type { StaffingInput } from "./staffing.js";
import type { Appointment, Booking, Interval } from "./types.js";

/** The appointment being moved, as far as where it may go is concerned. */
export type MovingAppointment = Pick<
  Appointment,
  "id" | "resource" | "start" | "end" | "protocolId" | "sequence" | "seriesId"
>;

/**
 * Every start an appointment could be moved to between two clinic-local dates (inclusive): free for a
 * session of its own length, where it does not block itself, and for a series session, keeping the
 * protocol's spacing to its neighbours and its window. What a reschedule to any of them would accept.
 */
export function moveOptions(args: {
  clinic: Clinic;
  appointment: MovingAppointment;
  fromDate: string;
  toDate: string;
  bookings: readonly (Booking & { appointmentId: string })[];
  /** The series' sessions, for a series session. */
  seriesSessions?: readonly SessionPlace[];
  now: string;
  /** Who the session needs, in a staffed clinic. */
  staffing?: StaffingInput;
}): Interval[] {
  const { clinic, appointment } = args;
  const minutes = (Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000;
  const free = freeStarts({
    clinic,
    resource: appointment.resource,
    minutes,
    fromDate: args.fromDate,
    toDate: args.toDate,
    bookings: args.bookings.filter((b) => b.appointmentId !== appointment.id),
    now: args.now,
    ...(args.staffing ? { staffing: args.staffing } : {}),
  });
  const sessions = args.seriesSessions;
  if (appointment.seriesId === undefined || !sessions) return free;
  return free.filter((slot) => spacingProblem(clinic, appointment, slot.start, sessions) === undefined);
}
