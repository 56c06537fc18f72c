import { clinicDate } from "../domain/calendar.js";
import type { Clinic } from "../domain/clinic.js";
import { CapacityTaken, RuleViolation } from "../domain/errors.js";
import { addDays } from "../domain/opening-hours.js";
import { planSeries } from "../domain/planner.js";
import type { Protocol } from "../domain/protocol.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { newReminders } from "../domain/reminder-changes.js";
import { planAppointmentReminders } from "../domain/reminder-plan.js";
import type { Appointment, ProtocolId, Series } from "../domain/types.js";
import type { SeriesRecord } from "../ports/store.js";
import { bookingsOf, capacityChanges, readForBooking, resolveService } from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite, utcIso } from "./deps.js";
import { NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";
import { seriesView } from "./series-view.js";

export interface BookSeriesInput {
  patientId: string;
  protocolId: ProtocolId;
  start: string;
}

/** The clinic-local days a series starting at `firstStart` could reach, under this clinic's protocol rules. */
function seriesDates(clinic: Clinic, protocolId: ProtocolId, firstStart: string): string[] {
  const firstDate = clinicDate(clinic, firstStart);
  return Array.from({ length: planningSpanDays(clinicProtocol(clinic, protocolId)) }, (_, i) =>
    addDays(firstDate, i),
  );
}

/** How many days after the first session a series can reach, so its bookings are read in one go. */
export function planningSpanDays(protocol: Protocol): number {
  if (protocol.spacing.windowDays) return protocol.spacing.windowDays + 1;
  let hours = 0;
  for (const phase of protocol.spacing.phases) {
    if (phase.perWeek) hours += (phase.sessions / phase.perWeek) * 7 * 24;
    else hours += phase.sessions * (phase.maxGapHours ?? 35 * 24);
  }
  return Math.ceil(hours / 24) + 2;
}

/**
 * Plans and books a whole series, all or nothing.
 * 1. Check eligibility (and REMS for esketamine).
 * 2. Read every chair booking the series could reach and plan all sessions with the protocol's spacing.
 * 3. Plan each session's reminders: one confirmation (first session) listing all, a booster invitation on the last.
 * 4. Write sessions, reminders, capacity days, the series and the patient's last protocol in one transaction.
 */
export async function bookSeries(deps: Deps, input: BookSeriesInput, idem?: IdempotencyRequest) {
  return once<Series>(deps.store, idem, (record) =>
    retryOnStaleWrite(deps, async () => {
      const firstStart = utcIso(input.start);
      const { clinic, clinicVersion, patient, days } = await readForBooking(deps, {
        patientId: input.patientId,
        resource: "chair",
        datesFor: (c) => seriesDates(c, input.protocolId, firstStart),
      });
      if (!patient) throw new NotFound("patient");
      const { protocol } = resolveService(clinic, patient, input.protocolId);
      if (!protocol) throw new Error("a protocol service always resolves to a protocol");
      const now = nowIso(deps);
      const plan = planSeries({ clinic, protocol, firstStart, bookings: bookingsOf(days), now });
      if (!plan.ok) {
        if (plan.code === "capacity" && plan.sessionNumber === 1) throw new CapacityTaken(plan.message);
        throw new RuleViolation(plan.code, plan.message, plan.sessionNumber === 1 ? "start" : undefined);
      }
      const seriesId = deps.ids();
      const total = plan.sessions.length;
      const sessions: Appointment[] = plan.sessions.map((slot, i) => ({
        id: deps.ids(),
        patientId: patient.id,
        service: protocol.id,
        protocolId: protocol.id,
        resource: "chair",
        start: slot.start,
        end: slot.end,
        status: "booked",
        date: clinicDate(clinic, slot.start),
        confirmation: "unconfirmed",
        seriesId,
        sequence: i + 1,
        reminders: newReminders(
          deps.ids,
          planAppointmentReminders({
            clinic,
            patientTimezone: patient.timezone,
            now,
            appointment: { service: protocol.id, start: slot.start, end: slot.end },
            protocol,
            series: { sequence: i + 1, total },
          }),
        ),
        version: 1,
        createdAt: now,
        updatedAt: now,
      }));
      const series: SeriesRecord = {
        id: seriesId,
        patientId: patient.id,
        protocolId: protocol.id,
        cancelled: false,
        createdAt: now,
        version: 1,
      };
      const view = seriesView(series, sessions);
      const idempotency = record(201, view);
      await deps.store.commit({
        createAppointments: sessions,
        capacity: capacityChanges(clinic, days, sessions, []),
        createSeries: series,
        clinicVersion,
        updatePatient: {
          ...patient,
          lastSeriesProtocolId: protocol.id,
          version: patient.version + 1,
          updatedAt: now,
        },
        ...(idempotency ? { idempotency } : {}),
      });
      return view;
    }),
  );
}
