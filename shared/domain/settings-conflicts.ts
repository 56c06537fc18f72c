import { checkSlot } from "./calendar.js";
import type { Clinic } from "./clinic.js";
import type { Booking } from "./types.js";

/** Why new settings would strand a booked appointment. */
export type ConflictReason = "time-zone" | "closed-date" | "outside-hours" | "capacity";

export interface SettingsConflict {
  appointmentId: string;
  start: string;
  reason: ConflictReason;
}

const REASON_OF: Partial<Record<string, ConflictReason>> = {
  "closed-date": "closed-date",
  "closed-day": "outside-hours",
  "outside-hours": "outside-hours",
  capacity: "capacity",
  "no-capacity-resource": "capacity",
};

/**
 * The booked appointments, not yet over at `now`, that new clinic settings would leave where the clinic
 * can no longer hold them: on a closed date, outside opening hours, beyond the chairs or offices (the
 * bookings past the new count, in start order), or under another time zone. A zone change strands every
 * one: bookings are filed under the clinic-local days of the zone they were made in, and a day of another
 * zone would not see them (two bookings of one chair at the same instant). Staff move or cancel them first.
 * A shorter booking horizon strands nothing: what is booked stays booked.
 */
export function settingsConflicts(
  current: Pick<Clinic, "timezone">,
  next: Clinic,
  bookings: readonly (Booking & { appointmentId: string })[],
  now: string,
): SettingsConflict[] {
  const nowMs = new Date(now).getTime();
  const live = bookings
    .filter((b) => new Date(b.end).getTime() > nowMs)
    .sort((a, b) => a.start.localeCompare(b.start) || a.appointmentId.localeCompare(b.appointmentId));
  if (current.timezone !== next.timezone) {
    return live.map((b) => ({ appointmentId: b.appointmentId, start: b.start, reason: "time-zone" }));
  }
  const conflicts: SettingsConflict[] = [];
  const kept: Booking[] = [];
  for (const b of live) {
    const minutes = (new Date(b.end).getTime() - new Date(b.start).getTime()) / 60_000;
    // Checked as of its own arrival time, when it was last bookable: a session under way is neither "in
    // the past" nor "too soon", and the horizon is no matter.
    const asOf = new Date(new Date(b.start).getTime() - next.arrivalMinutesBefore * 60_000).toISOString();
    const check = checkSlot({
      clinic: next,
      resource: b.resource,
      start: b.start,
      minutes,
      bookings: kept,
      now: asOf,
    });
    const reason = check.ok ? undefined : REASON_OF[check.code];
    if (reason) conflicts.push({ appointmentId: b.appointmentId, start: b.start, reason });
    else kept.push(b);
  }
  return conflicts;
}
