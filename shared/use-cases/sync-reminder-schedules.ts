import type { ReminderJob, ReminderScheduler } from "../ports/reminder-scheduler.js";

/** A reminder record as the table's stream shows it (new or old image). */
export interface ReminderImage {
  id: string;
  appointmentId: string;
  dueAt: string;
  status: string;
}

export interface ReminderChange {
  newImage?: ReminderImage;
  oldImage?: ReminderImage;
}

/** Reminders due within this margin are sent at once: Scheduler's precision is a minute anyway. */
const SEND_NOW_MARGIN_MS = 60_000;

/**
 * Makes the schedules converge on one reminder record.
 * 1. Pending (scheduled): create or move its one-time schedule; if already due, hand it to send-reminder now.
 * 2. Anything else (sent, skipped, cancelled, failed, deleted): delete its schedule, so it can never fire.
 * Every step is safe to repeat, so stream redelivery and retries converge instead of duplicating.
 */
export async function syncReminderSchedule(
  scheduler: ReminderScheduler,
  change: ReminderChange,
  now: Date,
): Promise<"scheduled" | "sent-now" | "removed" | "unchanged"> {
  const next = change.newImage;
  const prev = change.oldImage;
  if (next?.status === "scheduled") {
    const unchanged = prev?.status === "scheduled" && prev.dueAt === next.dueAt;
    if (unchanged) return "unchanged";
    const job: ReminderJob = { reminderId: next.id, appointmentId: next.appointmentId, dueAt: next.dueAt };
    if (new Date(next.dueAt).getTime() <= now.getTime() + SEND_NOW_MARGIN_MS) {
      await scheduler.sendNow(job);
      // A schedule made for an earlier due time must not linger.
      if (prev?.status === "scheduled") await scheduler.remove(next.id);
      return "sent-now";
    }
    // A reminder that was already pending has its schedule (unless it fired): move it in one request.
    await scheduler.upsert(job, { exists: prev?.status === "scheduled" });
    return "scheduled";
  }
  const id = next?.id ?? prev?.id;
  if (!id) return "unchanged";
  if (prev && prev.status !== "scheduled") return "unchanged";
  await scheduler.remove(id);
  return "removed";
}
