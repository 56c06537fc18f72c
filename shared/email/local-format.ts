import { DateTime } from "luxon";
import { clinicClock, zoneAbbreviation } from "../domain/preparation.js";

/** "Tuesday, 1 December 2026 at 10:00 AM EST": the clinic's clock, zone named, so nobody converts. */
export function longDateTime(instant: string, zone: string): string {
  const at = clinicClock(instant, zone);
  return `${at.toFormat("cccc, d LLLL yyyy 'at' h:mm a")} ${zoneAbbreviation(at)}`;
}

/** "Tue 1 Dec", for subjects. */
export function shortDate(instant: string, zone: string): string {
  return clinicClock(instant, zone).toFormat("ccc d LLL");
}

/** "12:00 PM EST". */
export function clockTime(instant: string, zone: string): string {
  const at = clinicClock(instant, zone);
  return `${at.toFormat("h:mm a")} ${zoneAbbreviation(at)}`;
}

/** "2 hours", "1 hour 30 minutes": how long a visit lasts, so patients can plan their lift. */
export function visitLength(start: string, end: string): string {
  const minutes = Math.max(
    0,
    Math.round(DateTime.fromISO(end).diff(DateTime.fromISO(start), "minutes").minutes),
  );
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? "" : "s"}`);
  if (m > 0 || h === 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  return parts.join(" ");
}
