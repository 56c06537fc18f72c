import { bookedAppointment } from "../domain/appointment-versions.js";
import { assertSlot, clinicDate } from "../domain/calendar.js";
import { resolveService } from "../domain/eligibility.js";
import { serviceResource } from "../domain/services.js";
import { staffingFor } from "../domain/staffing.js";
import type { Appointment, ServiceId } from "../domain/types.js";
import { bookingsOf, capacityChanges, endOf, readForBooking } from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite, utcIso } from "./deps.js";
import { NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";

export interface BookAppointmentInput {
  patientId: string;
  service: ServiceId;
  start: string;
}

/**
 * Books one appointment.
 * 1. Read the clinic, the patient and the resource's bookings that day in one request; check the patient
 *    may have the service (eligibility, REMS, a series to boost).
 * 2. Check the slot against those bookings: grid, hours, past, capacity, and in a staffed clinic who is free
 *    to staff it (they are named on the appointment).
 * 3. Plan its reminders.
 * 4. Write appointment, reminders and the day's capacity in one transaction guarded by the day's version;
 *    a lost race re-runs from step 2.
 */
export async function bookAppointment(deps: Deps, input: BookAppointmentInput, idem?: IdempotencyRequest) {
  return once<Appointment>(deps.store, idem, (record) =>
    retryOnStaleWrite(deps, async () => {
      const start = utcIso(input.start);
      const resource = serviceResource(input.service);
      const { clinic, clinicVersion, patient, staff, days } = await readForBooking(deps, {
        patientId: input.patientId,
        resource,
        datesFor: (c) => [clinicDate(c, start)],
      });
      if (!patient) throw new NotFound("patient");
      const resolved = resolveService(clinic, patient, input.service, start);
      const now = nowIso(deps);
      const holds = assertSlot({
        clinic,
        resource: resolved.resource,
        start,
        minutes: resolved.minutes,
        bookings: bookingsOf(days),
        now,
        staffing: staffingFor(clinic, staff, input.service, resolved.protocol),
      });
      const end = endOf(start, resolved.minutes);
      const appointment = bookedAppointment({
        ids: deps.ids,
        clinic,
        patient,
        now,
        service: input.service,
        resource: resolved.resource,
        start,
        end,
        protocol: resolved.protocol,
        holds,
        roster: staff,
      });
      const idempotency = record(201, appointment);
      await deps.store.commit({
        createAppointments: [appointment],
        capacity: capacityChanges(clinic, days, [{ ...appointment, holds }], []),
        clinicVersion,
        ...(idempotency ? { idempotency } : {}),
      });
      return appointment;
    }),
  );
}
