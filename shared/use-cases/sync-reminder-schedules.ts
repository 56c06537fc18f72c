import type { ReminderJob, ReminderScheduler } from "../ports/reminder-scheduler.js";
import type { Store } from "../ports/store.js";

/** A reminder record as the table's stream shows it (new or old image). */
export interface ReminderImage {
  id: string;
  appointmentId: string;
  dueAt: string;
  status: string;
  /** 0 for reminders stored before versions existed. */
  version: number;
}

export interface ReminderChange {
  newImage?: ReminderImage;
  oldImage?: ReminderImage;
}

export interface SyncDeps {
  scheduler: ReminderScheduler;
  store: Pick<Store, "markReminderScheduled">;
}

/** Reminders due within this margin are sent at once: Scheduler's precision is a minute anyway. */
const SEND_NOW_MARGIN_MS = 60_000;

export type SyncResult = "scheduled" | "sent-now" | "removed" | "unchanged";

/**
 * Makes the schedules converge on one reminder record.
 * 1. A write that changed neither status, due time nor version (a sender's claim, this function's own
 *    confirmation) asks nothing of the schedule.
 * 2. Pending: create or replace its one-time schedule with the wanted one, whatever exists (so saving a
 *    reminder again makes a lost schedule again); if already due, hand it to send-reminder now. Then
 *    confirm on the reminder that this version has its schedule: the reconciler re-syncs any that stay
 *    unconfirmed.
 * 3. Anything else (sent, skipped, cancelled, failed, deleted): delete its schedule, so it can never fire.
 * Every step is safe to repeat, so stream redelivery and retries converge instead of duplicating.
 */
export async function syncReminderSchedule(
  deps: SyncDeps,
  change: ReminderChange,
  now: Date,
): Promise<SyncResult> {
  const next = change.newImage;
  const prev = change.oldImage;
  if (
    next &&
    prev &&
    next.status === prev.status &&
    next.dueAt === prev.dueAt &&
    next.version === prev.version
  ) {
    return "unchanged";
  }
  if (next?.status === "scheduled") return ensureScheduled(deps, next, prev?.status === "scheduled", now);
  const id = next?.id ?? prev?.id;
  if (!id) return "unchanged";
  if (prev && prev.status !== "scheduled") return "unchanged";
  await deps.scheduler.remove(id);
  return "removed";
}

/**
 * One pending reminder's schedule made to match it, and confirmed. Also what the reconciler runs for a
 * reminder whose confirmation never came (a lost stream record, a crash in between).
 */
export async function ensureScheduled(
  deps: SyncDeps,
  reminder: ReminderImage,
  mayHaveSchedule: boolean,
  now: Date,
): Promise<"scheduled" | "sent-now"> {
  const job: ReminderJob = {
    reminderId: reminder.id,
    appointmentId: reminder.appointmentId,
    dueAt: reminder.dueAt,
  };
  let result: "scheduled" | "sent-now";
  if (new Date(reminder.dueAt).getTime() <= now.getTime() + SEND_NOW_MARGIN_MS) {
    await deps.scheduler.sendNow(job);
    // A schedule made for an earlier due time must not linger.
    if (mayHaveSchedule) await deps.scheduler.remove(reminder.id);
    result = "sent-now";
  } else {
    // A reminder that was already pending has its schedule (unless it fired): replace it in one request.
    await deps.scheduler.upsert(job, { exists: mayHaveSchedule });
    result = "scheduled";
  }
  await deps.store.markReminderScheduled({
    appointmentId: reminder.appointmentId,
    reminderId: reminder.id,
    version: reminder.version,
    dueAt: reminder.dueAt,
  });
  return result;
}
