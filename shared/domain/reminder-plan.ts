import { DateTime } from "luxon";
import { holdEndsAt } from "./booking-hold.js";
import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";
import { applyQuietHours } from "./quiet-hours.js";
import { serviceResource } from "./services.js";
import { HOUR_MS, parseInstant, toUtcIso, zoneOf } from "./slot-grid.js";
import type { ReminderKind, ServiceId } from "./types.js";

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: string;
  status: "scheduled" | "skipped";
  /** Why it was skipped: a code staff can read. */
  reason?: string;
}

const PREPARATION_HOURS = 48;
const REMINDER_HOURS = 24;

/**
 * The reminders an appointment carries when it is booked (or moved): confirmation, preparation for
 * chair sessions, the day-before reminder, and the booster invitation on a series' last session.
 * Lead times are elapsed hours; quiet hours are read on the patient's clock. Nothing is due before the
 * booking's hold ends (`notificationDelayMinutes` after it was booked): what would be due at booking
 * waits until then, so a booking called off at once sends nothing.
 */
export function planAppointmentReminders(args: {
  clinic: Clinic;
  patientTimezone: string;
  now: string;
  /** When the appointment was booked (its `createdAt`), for a move; a booking is booked `now`. */
  appointment: { service: ServiceId; start: string; end: string; createdAt?: string };
  /** The protocol of a chair session or booster. */
  protocol?: Protocol;
  /** Confirmation only when sequence === 1; booster invitation only when sequence === total. */
  series?: { sequence: number; total: number };
}): PlannedReminder[] {
  const { clinic, patientTimezone, now, appointment, protocol, series } = args;
  const nowMs = parseInstant(now, clinic.timezone);
  const startMs = parseInstant(appointment.start, clinic.timezone);
  // The hold never holds an email past the start: a booking made minutes before it is told at once.
  const holdEndMs = parseInstant(holdEndsAt(clinic, appointment.createdAt ?? now), "utc");
  const earliestMs = Math.max(nowMs, Math.min(holdEndMs, startMs));
  const quiet = (dueMs: number) =>
    applyQuietHours({
      dueAt: toUtcIso(Math.max(dueMs, earliestMs)),
      now: toUtcIso(earliestMs),
      clinic,
      patientTimezone,
    });
  const out: PlannedReminder[] = [];

  if (!series || series.sequence === 1) {
    out.push({ kind: "confirmation", dueAt: toUtcIso(earliestMs), status: "scheduled" });
  }
  if (serviceResource(appointment.service) === "chair") {
    // Booked late: the fasting instructions still matter, so they go once the hold ends rather than never.
    out.push({
      kind: "preparation",
      dueAt: quiet(startMs - PREPARATION_HOURS * HOUR_MS),
      status: "scheduled",
    });
  }
  const reminderMs = startMs - REMINDER_HOURS * HOUR_MS;
  if (reminderMs <= nowMs) {
    out.push({
      kind: "reminder",
      dueAt: toUtcIso(reminderMs),
      status: "skipped",
      reason: "booked-within-24h",
    });
  } else {
    out.push({ kind: "reminder", dueAt: quiet(reminderMs), status: "scheduled" });
  }
  if (series && protocol && series.sequence === series.total) {
    // Calendar days at the same local time: a clinic says "four weeks after your last session".
    const boosterMs = DateTime.fromMillis(startMs, { zone: zoneOf(clinic.timezone) })
      .plus({ days: protocol.booster.afterDays })
      .toMillis();
    out.push({ kind: "booster", dueAt: quiet(boosterMs), status: "scheduled" });
  }
  return out;
}

/** A cancellation or reschedule notice goes out at once. */
export function planNotice(args: {
  clinic: Clinic;
  patientTimezone: string;
  now: string;
  kind: "cancellation" | "reschedule";
}): PlannedReminder {
  return {
    kind: args.kind,
    dueAt: toUtcIso(parseInstant(args.now, args.clinic.timezone)),
    status: "scheduled",
  };
}
