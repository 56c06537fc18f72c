import { clinicDate } from "../domain/calendar.js";
import type { Clinic } from "../domain/clinic.js";
import type { ReminderChanges } from "../domain/reminder-changes.js";
import type { Appointment, Booking, Resource } from "../domain/types.js";
import {
  type CapacityChange,
  type CapacityDay,
  type ChangeSet,
  MAX_BOOKING_READ_DAYS,
} from "../ports/store.js";
import type { Deps } from "./deps.js";
import { SettingsBeingChanged } from "./errors.js";

/** The reminder writes of one appointment's changes: new ones created, changed ones guarded by version. */
export function reminderWrites(
  appointment: Appointment,
  changes: ReminderChanges,
): Pick<ChangeSet, "createReminders" | "updateReminders"> {
  return {
    createReminders: changes.created.map((reminder) => ({ appointment, reminder })),
    updateReminders: changes.updated.map((reminder) => ({ appointment, reminder })),
  };
}

/** The reminder writes of several appointments' changes, in one change set. */
export function allReminderWrites(
  changed: { appointment: Appointment; changes: ReminderChanges }[],
): Pick<ChangeSet, "createReminders" | "updateReminders"> {
  const writes = changed.map(({ appointment, changes }) => reminderWrites(appointment, changes));
  return {
    createReminders: writes.flatMap((w) => w.createReminders ?? []),
    updateReminders: writes.flatMap((w) => w.updateReminders ?? []),
  };
}

/**
 * The clinic, the patient and the capacity days a booking or a change to one needs, in one read in the
 * usual case (with `seriesId`, also that series' session summary). Which days depends on the clinic's zone
 * and protocol rules, known only after the read: they are guessed from the deployment's clinic (the saved
 * one's, nearly always), and read again if the saved clinic reaches days the guess did not.
 */
export async function readForBooking(
  deps: Deps,
  args: {
    patientId: string;
    resource: Resource;
    datesFor: (clinic: Clinic) => string[];
    seriesId?: string;
  },
) {
  const guessed = args.datesFor(deps.clinicDefaults);
  const reads = await deps.store.getBookingReads(
    args.patientId,
    guessed.length <= MAX_BOOKING_READ_DAYS ? { resource: args.resource, dates: guessed } : undefined,
    args.seriesId,
  );
  const clinic = reads.clinic ?? deps.clinicDefaults;
  if (reads.clinicLocked) throw new SettingsBeingChanged();
  const dates = args.datesFor(clinic);
  const read = new Map((reads.capacityDays ?? []).map((d) => [d.date, d]));
  const days = dates.every((d) => read.has(d))
    ? dates.map((d) => read.get(d)!)
    : await deps.store.getCapacityDays(args.resource, dates);
  return {
    clinic,
    clinicVersion: reads.clinicVersion,
    patient: reads.patient,
    days,
    seriesSessions: reads.seriesSessions,
    seriesVersion: reads.seriesVersion,
  };
}

/** Every booking on the given days, except the appointments being moved (they must not block themselves). */
export function bookingsOf(days: CapacityDay[], except: ReadonlySet<string> = new Set()): Booking[] {
  return days.flatMap((d) =>
    d.bookings
      .filter((b) => !except.has(b.appointmentId))
      .map((b) => ({ resource: b.resource, start: b.start, end: b.end })),
  );
}

/**
 * The capacity writes for adding and removing appointments, one per touched day, each guarded by the
 * version the day was read at.
 */
export function capacityChanges(
  clinic: Clinic,
  days: CapacityDay[],
  adds: Appointment[],
  removes: Appointment[],
): CapacityChange[] {
  const changes = new Map<string, CapacityChange>();
  const dayOf = (a: Appointment) => {
    const date = clinicDate(clinic, a.start);
    const key = `${a.resource}#${date}`;
    let change = changes.get(key);
    if (!change) {
      const read = days.find((d) => d.resource === a.resource && d.date === date);
      if (!read) throw new Error(`capacity day ${key} was not read before writing`);
      change = { resource: a.resource, date, expectedVersion: read.version, add: [], remove: [] };
      changes.set(key, change);
    }
    return change;
  };
  for (const a of removes) dayOf(a).remove.push(a.id);
  for (const a of adds) dayOf(a).add.push({ appointmentId: a.id, start: a.start, end: a.end });
  return [...changes.values()];
}

export function endOf(start: string, minutes: number): string {
  return new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
}
