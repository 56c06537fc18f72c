import { bookedAppointment } from "../domain/appointment-versions.js";
import { resolveService } from "../domain/eligibility.js";
import { requireSeriesPlan } from "../domain/planner.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { revised } from "../domain/revision.js";
import { seriesDates } from "../domain/series-span.js";
import type { ProtocolId, Series } from "../domain/types.js";
import type { SeriesRecord } from "../ports/store.js";
import { bookingsOf, capacityChanges, readForBooking } from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite, utcIso } from "./deps.js";
import { NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";
import { seriesView } from "./series-view.js";

export interface BookSeriesInput {
  patientId: string;
  protocolId: ProtocolId;
  start: string;
}

/**
 * Where a series would go, decided as booking it decides, without writing anything.
 * 1. Read the clinic, the patient and every chair booking the series could reach, in one request.
 * 2. Check eligibility (and REMS for esketamine).
 * 3. Plan all sessions with the protocol's spacing: the sessions, or the 422 (409 if session 1 is taken).
 */
async function planSeriesBooking(deps: Deps, input: BookSeriesInput) {
  const firstStart = utcIso(input.start);
  const reads = await readForBooking(deps, {
    patientId: input.patientId,
    resource: "chair",
    datesFor: (c) => seriesDates(c, input.protocolId, firstStart),
    alsoOtherRoom: (c) => clinicProtocol(c, input.protocolId).integration !== undefined,
  });
  const { clinic, patient, days } = reads;
  if (!patient) throw new NotFound("patient");
  const { protocol } = resolveService(clinic, patient, input.protocolId, firstStart);
  if (!protocol) throw new Error("a protocol service always resolves to a protocol");
  const now = nowIso(deps);
  const plan = requireSeriesPlan({
    clinic,
    protocol,
    firstStart,
    bookings: bookingsOf(days),
    now,
    roster: reads.staff,
  });
  return { ...reads, patient, protocol, now, slots: plan.sessions, integrations: plan.integrations ?? [] };
}

/** The sessions a series would have if booked now: what `POST /series` would answer, or its refusal. */
export async function previewSeries(deps: Deps, input: BookSeriesInput) {
  const { slots, integrations } = await planSeriesBooking(deps, input);
  return {
    sessions: slots.map((slot, i) => ({ sequence: i + 1, start: slot.start, end: slot.end })),
    ...(integrations.length > 0
      ? { integrationSessions: integrations.map((s) => ({ after: s.after, start: s.start, end: s.end })) }
      : {}),
  };
}

/**
 * Plans and books a whole series, all or nothing.
 * 1. Plan it (see planSeriesBooking).
 * 2. Plan each session's reminders: one confirmation (first session) listing all, a booster invitation on the last.
 * 3. A protocol with integration sessions (KAP) books them too: offices, after each dosing session, part of
 *    the series without a number of their own (each with its own confirmation and day-before reminder).
 * 4. Write sessions, reminders, capacity days, the series and the patient's last protocol in one transaction.
 */
export async function bookSeries(deps: Deps, input: BookSeriesInput, idem?: IdempotencyRequest) {
  return once<Series>(deps.store, idem, (record) =>
    retryOnStaleWrite(deps, async () => {
      const { clinic, clinicVersion, patient, staff, days, protocol, now, slots, integrations } =
        await planSeriesBooking(deps, input);
      const seriesId = deps.ids();
      const total = slots.length;
      const sessions = slots.map((slot, i) =>
        bookedAppointment({
          ids: deps.ids,
          clinic,
          patient,
          now,
          service: protocol.id,
          resource: "chair",
          start: slot.start,
          end: slot.end,
          protocol,
          series: { id: seriesId, sequence: i + 1, total },
          holds: slot.staff ?? [],
          roster: staff,
        }),
      );
      const integrationSessions = integrations.map((slot) =>
        bookedAppointment({
          ids: deps.ids,
          clinic,
          patient,
          now,
          service: "integration",
          resource: "office",
          start: slot.start,
          end: slot.end,
          series: { id: seriesId, total },
          holds: slot.staff ?? [],
          roster: staff,
        }),
      );
      const series: SeriesRecord = {
        id: seriesId,
        patientId: patient.id,
        protocolId: protocol.id,
        cancelled: false,
        createdAt: now,
        version: 1,
      };
      const view = seriesView(series, sessions, integrationSessions);
      const idempotency = record(201, view);
      await deps.store.commit({
        createAppointments: [...sessions, ...integrationSessions],
        capacity: capacityChanges(
          clinic,
          days,
          [
            ...sessions.map((s, i) => ({ ...s, holds: slots[i]!.staff })),
            ...integrationSessions.map((s, i) => ({ ...s, holds: integrations[i]!.staff })),
          ],
          [],
        ),
        createSeries: series,
        clinicVersion,
        updatePatient: revised(patient, { lastSeriesProtocolId: protocol.id }, now),
        ...(idempotency ? { idempotency } : {}),
      });
      return view;
    }),
  );
}
