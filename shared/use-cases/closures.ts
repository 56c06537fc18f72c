import { closureCancels, closureProblem, withClosedDate } from "../domain/closure.js";
import type { Appointment } from "../domain/types.js";
import { cancelBooked } from "./appointment-changes.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict } from "./errors.js";

/** How long bookings wait for the closed date to be saved at most (as for PUT /clinic). */
const SETTINGS_LOCK_MS = 30_000;

/**
 * Closes the clinic on one date and calls off what was booked on it.
 * 1. Refuse a past date or one beyond the booking horizon (422).
 * 2. Save the date as closed, unless it is already: lock the settings, then save them with the date added
 *    (as PUT /clinic does). From then on no booking can land on the date: each booking's transaction
 *    checks the settings' version, and deciding again it finds the date closed.
 * 3. Read the date's chairs and offices, strongly consistent: every booking on it, since none can be added.
 * 4. Cancel each one that has not started, one transaction each, guarded like a staff cancellation; its
 *    patient gets a cancellation notice that says the clinic will call to find a new time. A series keeps
 *    its other sessions. `reason` is for staff: it is stored on the appointment, never emailed or logged.
 * 5. Answer every appointment of the date the closure cancelled, by this request or an earlier one.
 * A crash anywhere is finished by repeating the request: step 2 finds the date closed, step 4 what is
 * still booked; nothing is cancelled or told twice.
 */
export async function closeDate(deps: Deps, date: string, reason: string) {
  const now = nowIso(deps);
  const clinic = await saveClosedDate(deps, date, now);
  const days = await Promise.all(
    (["chair", "office"] as const).map((r) => deps.store.getCapacityDays(r, [date])),
  );
  const ids = [...new Set(days.flat().flatMap((d) => d.bookings.map((b) => b.appointmentId)))];
  const cancelled: Appointment[] = [];
  for (const id of ids) {
    const done = await retryOnStaleWrite(deps, async () => {
      const current = await deps.store.getAppointment(id);
      if (!current || !closureCancels(clinic, current, date, nowIso(deps))) return undefined;
      return cancelBooked(deps, current, { reason, by: "clinic-closure" });
    });
    if (done) cancelled.push(done);
  }
  // Those an interrupted run cancelled, from the day index: long written by the time a repeat comes.
  const earlierIds = (await deps.store.listDayAppointments(date))
    .filter((a) => a.cancelledBy === "clinic-closure" && !cancelled.some((c) => c.id === a.id))
    .map((a) => a.id);
  const earlier = await Promise.all(earlierIds.map((id) => deps.store.getAppointment(id)));
  const all = [...cancelled, ...earlier.filter((a): a is Appointment => a !== undefined)].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
  return { date, cancelled: all };
}

/** Step 2: the settings with the date closed, saved if it was not; the 422 of step 1 first. */
async function saveClosedDate(deps: Deps, date: string, now: string) {
  return retryOnStaleWrite(deps, async () => {
    const record = await deps.store.getClinicRecord();
    const current = record.clinic ?? deps.clinicDefaults;
    const problem = closureProblem(current, date, now);
    if (problem) throw problem;
    if (current.closedDates.includes(date)) return current;
    if (record.locked)
      throw new Conflict("A change to the clinic settings is being saved; try again in a moment.", "busy");
    const until = new Date(deps.clock.now().getTime() + SETTINGS_LOCK_MS).toISOString();
    const lockVersion = await deps.store.lockClinic(record.version, until, current);
    const next = withClosedDate(current, date);
    try {
      await deps.store.saveClinic(next, lockVersion);
    } catch (error) {
      await deps.store.unlockClinic(lockVersion);
      throw error;
    }
    return next;
  });
}
