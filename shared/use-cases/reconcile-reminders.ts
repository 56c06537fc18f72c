import type { ReminderScheduler } from "../ports/reminder-scheduler.js";
import type { Deps } from "./deps.js";

/** What the reconciler needs: the store and clock, and the scheduler to re-drive reminders through. */
export interface ReconcilerDeps extends Deps {
  scheduler: ReminderScheduler;
}

/** What one reconciler run did, for logs, metrics and the local clock's reply. */
export interface ReconcileReport {
  /** Unsettled reminders the run looked at. */
  examined: number;
  /** Reminders handed to send-reminder again. */
  redriven: number;
  /** Reminders whose missing or stale schedule was recreated. */
  resynced: number;
  /** Reminders marked `failed` with a reason (each raises the alarm). */
  failed: number;
}

/**
 * Finds every reminder that is due and not settled, claimed with an expired lease, or pending without a
 * confirmed schedule, and re-drives it once or marks it failed. (Being built; see issue 13.)
 */
export async function reconcileReminders(_deps: ReconcilerDeps): Promise<ReconcileReport> {
  return { examined: 0, redriven: 0, resynced: 0, failed: 0 };
}
