import { clinicDate } from "../domain/calendar.js";
import type { Clinic } from "../domain/clinic.js";
import type { ReminderChanges } from "../domain/reminder-changes.js";
import type { StaffHold } from "../domain/staff.js";
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
 * Whether the clinic behind a store was staffed when last read: a staffed booking reads the days of both
 * rooms (a person's time spans chairs and offices), and guessing it right keeps that to one request.
 */
const lastSeenStaffed = new WeakMap<object, boolean>();

const OTHER: Record<Resource, Resource> = { chair: "office", office: "chair" };

/**
 * The clinic, the patient and the capacity days a booking or a change to one needs, in one read in the
 * usual case (with `seriesId`, also that series' session summary). Which days depends on the clinic's zone
 * and protocol rules, known only after the read: they are guessed from the deployment's clinic (the saved
 * one's, nearly always), and read again if the saved clinic reaches days the guess did not. A clinic with
 * staff on its roster also needs the other room's days (`alsoOtherRoom` asks for them regardless, for a
 * series that books integration sessions).
 */
export async function readForBooking(
  deps: Deps,
  args: {
    patientId: string;
    resource: Resource;
    datesFor: (clinic: Clinic) => string[];
    seriesId?: string;
    /** Whether this clinic's rules need the other room's days whoever is on the roster (integration sessions). */
    alsoOtherRoom?: (clinic: Clinic) => boolean;
  },
) {
  const guessed = args.datesFor(deps.clinicDefaults);
  const other = OTHER[args.resource];
  const resourcesFor = (staffed: boolean, clinic: Clinic): Resource[] =>
    staffed || args.alsoOtherRoom?.(clinic) ? [args.resource, other] : [args.resource];
  const guessedResources = resourcesFor(lastSeenStaffed.get(deps.store) ?? false, deps.clinicDefaults);
  const reads = await deps.store.getBookingReads(
    args.patientId,
    guessed.length * guessedResources.length <= MAX_BOOKING_READ_DAYS
      ? { resources: guessedResources, dates: guessed }
      : undefined,
    args.seriesId,
  );
  const clinic = reads.clinic ?? deps.clinicDefaults;
  if (reads.clinicLocked) throw new SettingsBeingChanged();
  const staff = reads.staff;
  lastSeenStaffed.set(deps.store, staff.length > 0);
  const dates = args.datesFor(clinic);
  const read = new Map((reads.capacityDays ?? []).map((d) => [`${d.resource}#${d.date}`, d]));
  const days: CapacityDay[] = [];
  for (const resource of resourcesFor(staff.length > 0, clinic)) {
    const wanted = dates.map((d) => read.get(`${resource}#${d}`));
    days.push(
      ...(wanted.every((d) => d !== undefined)
        ? (wanted as CapacityDay[])
        : await deps.store.getCapacityDays(resource, dates)),
    );
  }
  return {
    clinic,
    clinicVersion: reads.clinicVersion,
    patient: reads.patient,
    staff,
    days,
    seriesSessions: reads.seriesSessions,
    seriesVersion: reads.seriesVersion,
  };
}

/**
 * Every booking on the given days, with the people each holds, except the appointments being moved (they
 * must not block themselves).
 */
export function bookingsOf(days: CapacityDay[], except: ReadonlySet<string> = new Set()): Booking[] {
  return days.flatMap((d) =>
    d.bookings
      .filter((b) => !except.has(b.appointmentId))
      .map((b) => ({
        resource: b.resource,
        start: b.start,
        end: b.end,
        ...(b.holds ? { holds: b.holds } : {}),
      })),
  );
}

/** An appointment about to be written, with the people it holds in a staffed clinic. */
export type Staffed = Appointment & { holds?: readonly StaffHold[] };

/**
 * The capacity writes for adding and removing appointments, one per touched day, each guarded by the
 * version the day was read at. Where an added appointment holds people, the other room's day of that date
 * is guarded too (checked, not written): its bookings' people were part of the decision.
 */
export function capacityChanges(
  clinic: Clinic,
  days: CapacityDay[],
  adds: Staffed[],
  removes: Appointment[],
): CapacityChange[] {
  const changes = new Map<string, CapacityChange>();
  const dayOf = (resource: Resource, date: string) => {
    const key = `${resource}#${date}`;
    let change = changes.get(key);
    if (!change) {
      const read = days.find((d) => d.resource === resource && d.date === date);
      if (!read) throw new Error(`capacity day ${key} was not read before writing`);
      change = { resource, date, expectedVersion: read.version, add: [], remove: [] };
      changes.set(key, change);
    }
    return change;
  };
  for (const a of removes) dayOf(a.resource, clinicDate(clinic, a.start)).remove.push(a.id);
  for (const a of adds) {
    const date = clinicDate(clinic, a.start);
    dayOf(a.resource, date).add.push({
      appointmentId: a.id,
      start: a.start,
      end: a.end,
      ...(a.holds?.length ? { holds: a.holds } : {}),
    });
    if (a.holds?.length) dayOf(OTHER[a.resource], date);
  }
  return [...changes.values()];
}

export function endOf(start: string, minutes: number): string {
  return new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
}
