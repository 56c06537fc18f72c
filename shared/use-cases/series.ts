import { clinicDate } from "../domain/calendar.js";
import { cancelPending, newReminders, type ReminderChanges, withNew } from "../domain/reminder-changes.js";
import { planNotice } from "../domain/reminder-plan.js";
import { revised } from "../domain/revision.js";
import type { Appointment } from "../domain/types.js";
import { allReminderWrites, capacityChanges, readForBooking } from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";
import { seriesView } from "./series-view.js";

export async function getSeries(deps: Deps, id: string) {
  const found = await deps.store.getSeries(id);
  if (!found) throw new NotFound("series");
  return seriesView(found.series, found.sessions, found.integrations);
}

/**
 * Cancels a series.
 * 1. Every session still to come is cancelled with its pending reminders (the booster invitation too);
 *    sessions that already took place stay as they are.
 * 2. Their chairs are freed, and the offices of its integration sessions still to come (cancelled too).
 * 3. One cancellation notice, on the first cancelled session, tells the patient.
 * The write is guarded by the series' version and the clinic settings it was decided under.
 */
export async function cancelSeries(deps: Deps, id: string, reason?: string) {
  return retryOnStaleWrite(deps, async () => {
    const found = await deps.store.getSeries(id);
    if (!found) throw new NotFound("series");
    if (found.series.cancelled) throw new Conflict("This series is already cancelled.", "wrong-state");
    const now = nowIso(deps);
    const all = [...found.sessions, ...found.integrations];
    const upcoming = all.filter((s) => s.status === "booked" && s.start > now);
    const { clinic, clinicVersion, patient, days } = await readForBooking(deps, {
      patientId: found.series.patientId,
      resource: "chair",
      datesFor: (c) => upcoming.map((s) => clinicDate(c, s.start)),
      alsoOtherRoom: () => upcoming.some((s) => s.resource === "office"),
    });
    const changed: { appointment: Appointment; changes: ReminderChanges }[] = [];
    upcoming.forEach((s, i) => {
      let changes = cancelPending(s.reminders, "series-cancelled");
      if (i === 0 && patient) {
        const notice = planNotice({ clinic, patientTimezone: patient.timezone, now, kind: "cancellation" });
        changes = withNew(changes, newReminders(deps.ids, [notice]));
      }
      const appointment = revised(
        s,
        {
          status: "cancelled",
          reminders: changes.all,
          ...(reason !== undefined ? { cancelReason: reason } : {}),
        },
        now,
      );
      changed.push({ appointment, changes });
    });
    // Sessions in the past keep their record, but a booster invitation on them no longer makes sense.
    for (const s of all) {
      if (upcoming.includes(s) || !s.reminders.some((r) => r.status === "scheduled")) continue;
      const changes = cancelPending(s.reminders, "series-cancelled");
      const appointment = revised(s, { reminders: changes.all }, now);
      changed.push({ appointment, changes });
    }
    const series = {
      ...found.series,
      cancelled: true,
      ...(reason !== undefined ? { cancelReason: reason } : {}),
      version: found.series.version + 1,
    };
    const appointments = changed.map((c) => c.appointment);
    await deps.store.commit({
      updateAppointments: appointments,
      ...allReminderWrites(changed),
      capacity: capacityChanges(clinic, days, [], upcoming),
      updateSeries: series,
      clinicVersion,
    });
    const after = (list: Appointment[]) => list.map((s) => appointments.find((c) => c.id === s.id) ?? s);
    return seriesView(series, after(found.sessions), after(found.integrations));
  });
}
