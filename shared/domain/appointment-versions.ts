import { clinicDate } from "./calendar.js";
import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";
import { newReminders, type ReminderChanges } from "./reminder-changes.js";
import { planAppointmentReminders } from "./reminder-plan.js";
import { revised } from "./revision.js";
import { type StaffHold, type StaffMember, withStaff } from "./staff.js";
import type { Appointment, Patient, Resource, ServiceId } from "./types.js";

/**
 * An appointment as a booking first writes it: booked, unconfirmed, filed under its clinic-local date,
 * with the reminders planned for it and the people it holds. One shape for a single booking, a series'
 * numbered sessions and its integration sessions alike.
 */
export function bookedAppointment(args: {
  ids: () => string;
  clinic: Clinic;
  patient: Pick<Patient, "id" | "timezone">;
  now: string;
  service: ServiceId;
  resource: Resource;
  start: string;
  end: string;
  /** A protocol session or booster: its protocol, whose preparation the reminders carry. */
  protocol?: Protocol | undefined;
  /** A session of a series: numbered (`sequence` of `total`) or not (an integration session). */
  series?: { id: string; sequence?: number; total: number } | undefined;
  holds: readonly StaffHold[];
  roster: readonly StaffMember[];
}): Appointment {
  const { clinic, now, start, end, protocol, series } = args;
  const sequence = series?.sequence;
  return withStaff<Appointment>(
    {
      id: args.ids(),
      patientId: args.patient.id,
      service: args.service,
      ...(protocol ? { protocolId: protocol.id } : {}),
      resource: args.resource,
      start,
      end,
      status: "booked",
      date: clinicDate(clinic, start),
      confirmation: "unconfirmed",
      ...(series ? { seriesId: series.id } : {}),
      ...(sequence !== undefined ? { sequence } : {}),
      reminders: newReminders(
        args.ids,
        planAppointmentReminders({
          clinic,
          patientTimezone: args.patient.timezone,
          now,
          appointment: { service: args.service, start, end },
          ...(protocol ? { protocol } : {}),
          ...(sequence !== undefined ? { series: { sequence, total: series!.total } } : {}),
        }),
      ),
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    args.holds,
    args.roster,
  );
}

/** An appointment's next version once moved to [start, end), with its re-planned reminders and people. */
export function movedAppointment(
  current: Appointment,
  args: {
    clinic: Clinic;
    start: string;
    end: string;
    reminders: ReminderChanges;
    now: string;
    holds: readonly StaffHold[];
    roster: readonly StaffMember[];
  },
): Appointment {
  return withStaff(
    revised(
      current,
      {
        start: args.start,
        end: args.end,
        date: clinicDate(args.clinic, args.start),
        reminders: args.reminders.all,
      },
      args.now,
    ),
    args.holds,
    args.roster,
  );
}
