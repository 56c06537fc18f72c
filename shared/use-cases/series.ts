import { clinicDate } from "../domain/calendar.js";
import { planNotice } from "../domain/reminder-plan.js";
import type { Appointment } from "../domain/types.js";
import { cancelPending, capacityChanges, toReminders } from "./booking-support.js";
import { type Deps, loadClinic, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";
import { seriesView } from "./series-view.js";

export async function getSeries(deps: Deps, id: string) {
  const found = await deps.store.getSeries(id);
  if (!found) throw new NotFound("series");
  return seriesView(found.series, found.sessions);
}

/**
 * Cancels a series.
 * 1. Every session still to come is cancelled with its pending reminders (the booster invitation too);
 *    sessions that already took place stay as they are.
 * 2. Their chairs are freed.
 * 3. One cancellation notice, on the first cancelled session, tells the patient.
 */
export async function cancelSeries(deps: Deps, id: string, reason?: string) {
  return retryOnStaleWrite(async () => {
    const clinic = await loadClinic(deps);
    const found = await deps.store.getSeries(id);
    if (!found) throw new NotFound("series");
    if (found.series.cancelled) throw new Conflict("This series is already cancelled.", "wrong-state");
    const now = nowIso(deps);
    const upcoming = found.sessions.filter((s) => s.status === "booked" && s.start > now);
    const patient = await deps.store.getPatient(found.series.patientId);
    const cancelled: Appointment[] = upcoming.map((s, i) => {
      const reminders = cancelPending(s.reminders, "series-cancelled");
      if (i === 0 && patient) {
        reminders.push(
          ...toReminders(deps.ids, [
            planNotice({ clinic, patientTimezone: patient.timezone, now, kind: "cancellation" }),
          ]),
        );
      }
      return {
        ...s,
        status: "cancelled",
        reminders,
        ...(reason !== undefined ? { cancelReason: reason } : {}),
        version: s.version + 1,
        updatedAt: now,
      };
    });
    // Sessions in the past keep their record, but a booster invitation on them no longer makes sense.
    const past = found.sessions
      .filter((s) => !upcoming.includes(s) && s.reminders.some((r) => r.status === "scheduled"))
      .map((s) => ({
        ...s,
        reminders: cancelPending(s.reminders, "series-cancelled"),
        version: s.version + 1,
        updatedAt: now,
      }));
    const days = await deps.store.getCapacityDays(
      "chair",
      upcoming.map((s) => clinicDate(clinic, s.start)),
    );
    const series = {
      ...found.series,
      cancelled: true,
      ...(reason !== undefined ? { cancelReason: reason } : {}),
    };
    const changed = [...cancelled, ...past];
    await deps.store.commit({
      updateAppointments: changed,
      upsertReminders: changed.flatMap((a) => a.reminders.map((reminder) => ({ appointment: a, reminder }))),
      capacity: capacityChanges(clinic, days, [], upcoming),
      updateSeries: series,
    });
    const unchanged = found.sessions.filter((s) => !changed.some((c) => c.id === s.id));
    return seriesView(series, [...unchanged, ...changed]);
  });
}
