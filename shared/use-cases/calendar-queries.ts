import { DateTime } from "luxon";
import { utcMonthsBetween } from "../adapters/dynamodb/item-keys.js";
import { datesBetween, freeStarts } from "../domain/calendar.js";
import { serviceMinutes, serviceResource } from "../domain/services.js";
import type { Confirmation, ServiceId } from "../domain/types.js";
import { bookingsOf } from "./booking-support.js";
import { type Deps, loadClinic, nowIso } from "./deps.js";

/** Every free start for a service between two clinic-local dates: one read of the days' capacity. */
export async function availability(deps: Deps, service: ServiceId, from: string, to: string) {
  const clinic = await loadClinic(deps);
  const resource = serviceResource(service);
  const days = await deps.store.getCapacityDays(resource, datesBetween(from, to));
  const slots = freeStarts({
    clinic,
    resource,
    minutes: serviceMinutes(clinic, service),
    fromDate: from,
    toDate: to,
    bookings: bookingsOf(days),
    now: nowIso(deps),
  });
  return { slots };
}

/**
 * The appointments between two clinic-local dates, inclusive, sorted by start; with `confirmation`, only
 * those whose patient has (or has not) confirmed.
 */
export async function appointmentsBetween(deps: Deps, from: string, to: string, confirmation?: Confirmation) {
  const clinic = await loadClinic(deps);
  const fromInstant = DateTime.fromISO(from, { zone: clinic.timezone }).startOf("day").toUTC().toISO()!;
  const toInstant = DateTime.fromISO(to, { zone: clinic.timezone })
    .plus({ days: 1 })
    .startOf("day")
    .toUTC()
    .toISO()!;
  const appointments = await deps.store.listAppointments(
    fromInstant,
    toInstant,
    utcMonthsBetween(fromInstant, toInstant),
  );
  return {
    appointments: confirmation ? appointments.filter((a) => a.confirmation === confirmation) : appointments,
  };
}
