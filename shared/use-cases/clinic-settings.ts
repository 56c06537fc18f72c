import { clinicDate } from "../domain/calendar.js";
import { type Clinic, type ClinicInput, clinicSchema } from "../domain/clinic.js";
import { addDays } from "../domain/opening-hours.js";
import { clinicProtocols } from "../domain/protocol-catalogue.js";
import { type SettingsConflict, settingsConflicts } from "../domain/settings-conflicts.js";
import { assertPrivateSubjectName } from "../domain/subject-privacy.js";
import type { Resource } from "../domain/types.js";
import { type Deps, loadClinic, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict } from "./errors.js";

export async function getClinic(deps: Deps): Promise<Clinic> {
  return loadClinic(deps);
}

/** New settings would strand these booked appointments: 409 with the list. */
export class SettingsWouldStrand extends Conflict {
  constructor(readonly conflicts: SettingsConflict[]) {
    super(
      `These settings would leave ${conflicts.length} booked appointment${conflicts.length === 1 ? "" : "s"} ` +
        "where the clinic can no longer hold them. Move or cancel them first, or close a whole day with POST /closures.",
      "conflicts",
    );
  }
}

/** How long bookings wait for a settings change at most; longer than the admin API's own timeout. */
const SETTINGS_LOCK_MS = 30_000;

/**
 * Saves the clinic's settings; settings left out keep their defaults.
 * 1. Lock the settings (a version bump): from then on no booking decided under the old ones can commit.
 * 2. Read every booking not yet over, from the capacity days (strongly consistent, by key).
 * 3. If the new settings would strand any (closed date, hours, chairs or offices, time zone), lift the
 *    lock and refuse with the list; otherwise save them, which lifts the lock.
 * A crash in between leaves a lock that lapses after SETTINGS_LOCK_MS: bookings wait, nothing is lost.
 */
export async function updateClinic(deps: Deps, input: ClinicInput): Promise<Clinic> {
  const next = clinicSchema.parse(input);
  assertPrivateSubjectName(next.subjectName);
  return retryOnStaleWrite(deps, async () => {
    const record = await deps.store.getClinicRecord();
    if (record.locked)
      throw new Conflict(
        "Another change to the clinic settings is being saved; try again in a moment.",
        "busy",
      );
    const current = record.clinic ?? deps.clinicDefaults;
    const now = deps.clock.now();
    const lockVersion = await deps.store.lockClinic(
      record.version,
      new Date(now.getTime() + SETTINGS_LOCK_MS).toISOString(),
      current,
    );
    try {
      const bookings = await bookingsNotOver(deps, current, nowIso(deps));
      const conflicts = settingsConflicts(current, next, bookings, nowIso(deps));
      if (conflicts.length > 0) throw new SettingsWouldStrand(conflicts);
      await deps.store.saveClinic(next, lockVersion);
      return next;
    } catch (error) {
      await deps.store.unlockClinic(lockVersion);
      throw error;
    }
  });
}

/** Every booking of chairs and offices from yesterday to the end of the booking horizon (the clinic's days). */
export async function bookingsNotOver(deps: Deps, clinic: Clinic, now: string) {
  const today = clinicDate(clinic, now);
  const dates = Array.from({ length: clinic.bookingHorizonDays + 3 }, (_, i) => addDays(today, i - 1));
  const resources: Resource[] = ["chair", "office"];
  const days = (await Promise.all(resources.map((r) => deps.store.getCapacityDays(r, dates)))).flat();
  return days.flatMap((d) => d.bookings);
}

export async function listProtocols(deps: Deps) {
  const clinic = await loadClinic(deps);
  return { protocols: Object.values(clinicProtocols(clinic)) };
}
