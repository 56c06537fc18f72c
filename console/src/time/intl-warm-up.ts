import { clinicDateOf } from "./clinic-time.js";

/**
 * Loads the browser's date and time-zone data (ICU) now: the first Intl.DateTimeFormat a fresh page makes
 * costs tens of milliseconds (over 100 on a busy machine), the ones after it well under one, whichever
 * zone they are for. Called once the console's first requests are out, so it fills the wait for them
 * rather than sitting between the clinic's answer and the request for its day's agenda.
 */
export function warmUpClinicTime(): void {
  clinicDateOf(new Date().toISOString(), "UTC");
}
