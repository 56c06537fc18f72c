import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";
import { newReminders, type ReminderChanges, replanReminders, withNew } from "./reminder-changes.js";
import { planAppointmentReminders, planNotice } from "./reminder-plan.js";
import type { Appointment } from "./types.js";

/**
 * The reminders of an appointment moved to [start, end): re-planned for the new time (one reminder, one
 * email: see replanReminders), a confirmation only if the old one is still to go, and a notice with the
 * updated calendar entry. Moving it to the time it already has (`resave`) saves its pending reminders
 * again (which makes their schedules again, the recovery runbook's step) and tells the patient nothing.
 */
export function movedReminders(args: {
  clinic: Clinic;
  patientTimezone: string;
  now: string;
  ids: () => string;
  appointment: Appointment;
  start: string;
  end: string;
  protocol?: Protocol | undefined;
  series?: { sequence: number; total: number } | undefined;
}): ReminderChanges {
  const { clinic, patientTimezone, now, appointment: current } = args;
  const resave = args.start === current.start;
  const planned = planAppointmentReminders({
    clinic,
    patientTimezone,
    now,
    appointment: { service: current.service, start: args.start, end: args.end },
    ...(args.protocol ? { protocol: args.protocol } : {}),
    ...(args.series ? { series: args.series } : {}),
  }).filter(
    (p) =>
      p.kind !== "confirmation" ||
      current.reminders.some((r) => r.kind === "confirmation" && r.status === "scheduled"),
  );
  const reminders = replanReminders({ current: current.reminders, planned, now, ids: args.ids, resave });
  if (resave) return reminders;
  // Always, for the reason a cancellation always sends one (see cancelAppointment).
  const notice = planNotice({ clinic, patientTimezone, now, kind: "reschedule" });
  const notices = newReminders(args.ids, [notice]).map((r) => ({ ...r, previousStart: current.start }));
  return withNew(reminders, notices);
}
