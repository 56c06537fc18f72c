import { instantMs, wallClock } from "../domain/wall-clock.js";

/** "Tuesday, 1 December 2026 at 10:00 AM EST": the clinic's clock, zone named, so nobody converts. */
export function longDateTime(instant: string, zone: string): string {
  const at = wallClock(instant, zone);
  return `${at.longDate} at ${at.time} ${at.zoneAbbreviation}`;
}

/** "Tue 1 Dec", for subjects. */
export function shortDate(instant: string, zone: string): string {
  return wallClock(instant, zone).shortDate;
}

/** "12:00 PM EST". */
export function clockTime(instant: string | number, zone: string): string {
  const at = wallClock(instant, zone);
  return `${at.time} ${at.zoneAbbreviation}`;
}

/** "2 hours", "1 hour 30 minutes": how long a visit lasts, so patients can plan their lift. */
export function visitLength(start: string, end: string): string {
  const minutes = Math.max(0, Math.round((instantMs(end) - instantMs(start)) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? "" : "s"}`);
  if (m > 0 || h === 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  return parts.join(" ");
}
