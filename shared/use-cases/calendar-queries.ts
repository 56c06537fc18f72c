import { DateTime } from "luxon";
import { datesBetween, freeStarts } from "../domain/calendar.js";
import { moveOptions } from "../domain/move-options.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { isProtocolId, serviceMinutes, serviceResource } from "../domain/services.js";
import { staffingFor } from "../domain/staffing.js";
import type { Confirmation, ServiceId } from "../domain/types.js";
import { assertUpcoming, getAppointment, seriesSessionsOf } from "./appointment-changes.js";
import { bookingsOf } from "./booking-support.js";
import { type Deps, loadClinic, nowIso } from "./deps.js";

/**
 * Where a booked appointment could move between two clinic-local dates: what a reschedule would accept.
 * 1. Read the appointment (404), which must be booked and not started (409, as a reschedule would say).
 * 2. Read the clinic, the days' capacity and, for a series session, the series' sessions, in one request.
 * 3. The domain keeps the free starts for its own length where it does not block itself and, for a series
 *    session, that keep the protocol's spacing and window.
 */
export async function moveAvailability(deps: Deps, appointmentId: string, from: string, to: string) {
  const appointment = await getAppointment(deps, appointmentId);
  const now = nowIso(deps);
  assertUpcoming(appointment, now, "rescheduled");
  const reads = await deps.store.getBookingReads(
    appointment.patientId,
    { resources: [appointment.resource], dates: datesBetween(from, to) },
    appointment.seriesId,
  );
  const seriesSessions =
    appointment.seriesId !== undefined
      ? await seriesSessionsOf(deps, appointment.seriesId, reads.seriesSessions)
      : undefined;
  const clinic = reads.clinic ?? deps.clinicDefaults;
  // A person's time spans both rooms: a staffed clinic needs the other room's bookings too.
  const otherRoom =
    reads.staff.length > 0
      ? await deps.store.getCapacityDays(OTHER_ROOM[appointment.resource], datesBetween(from, to))
      : [];
  const protocol = appointment.protocolId ? clinicProtocol(clinic, appointment.protocolId) : undefined;
  const slots = moveOptions({
    clinic,
    appointment,
    fromDate: from,
    toDate: to,
    bookings: [...(reads.capacityDays ?? []), ...otherRoom].flatMap((d) => d.bookings),
    ...(seriesSessions ? { seriesSessions } : {}),
    now,
    staffing: staffingFor(clinic, reads.staff, appointment.service, protocol),
  });
  return { slots };
}

const OTHER_ROOM = { chair: "office", office: "chair" } as const;

/**
 * Every free start for a service between two clinic-local dates: one read of the days' capacity (of both
 * rooms in a staffed clinic, where a start is free only with someone free to staff it). A booster's
 * protocol depends on the patient, unknown here: its slots count rooms alone, and booking it checks people.
 */
export async function availability(deps: Deps, service: ServiceId, from: string, to: string) {
  const record = await deps.store.getClinicRecord();
  const clinic = record.clinic ?? deps.clinicDefaults;
  const resource = serviceResource(service);
  const dates = datesBetween(from, to);
  const staffed = record.staff.length > 0;
  const days = (
    await Promise.all(
      (staffed ? [resource, OTHER_ROOM[resource]] : [resource]).map((r) =>
        deps.store.getCapacityDays(r, dates),
      ),
    )
  ).flat();
  const protocol = isProtocolId(service) ? clinicProtocol(clinic, service) : undefined;
  const slots = freeStarts({
    clinic,
    resource,
    minutes: serviceMinutes(clinic, service),
    fromDate: from,
    toDate: to,
    bookings: bookingsOf(days),
    now: nowIso(deps),
    ...(service === "booster" ? {} : { staffing: staffingFor(clinic, record.staff, service, protocol) }),
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
  const appointments = await deps.store.listAppointments(fromInstant, toInstant);
  return {
    appointments: confirmation ? appointments.filter((a) => a.confirmation === confirmation) : appointments,
  };
}
