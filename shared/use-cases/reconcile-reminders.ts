import type { ReminderScheduler } from "../ports/reminder-scheduler.js";
import type { UnsettledReminder } from "../ports/store.js";
import type { Deps } from "./deps.js";
import { ensureScheduled } from "./sync-reminder-schedules.js";

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
  /** Reminders whose missing or stale schedule was made again. */
  resynced: number;
  /** Reminders marked `failed` with a reason (each raises the alarm). */
  failed: number;
}

const MINUTE_MS = 60_000;

/** schedule-sync confirms a write within seconds; one still unconfirmed after this lost its stream record. */
export const SYNC_GRACE_MS = 2 * MINUTE_MS;
/**
 * A reminder this far past due and not settled was lost on its way (its schedule fired into a failing
 * invoke, a crash dropped the hand-over). Longer than Lambda's own async retries of send-reminder.
 */
export const DUE_GRACE_MS = 5 * MINUTE_MS;
/**
 * After a sender's lease ran out without a settlement, how long to wait for SES's Send event (tagged with
 * the reminder and the claim) to say the email went out, before sending it again. A crash after SES
 * accepted an email whose event takes longer than this is the one window that can still give a duplicate.
 */
export const SEND_EVENT_GRACE_MS = 5 * MINUTE_MS;
/** A reminder re-driven this long ago and still not settled is given up on: `failed`, and the alarm. */
export const REDRIVE_TIMEOUT_MS = 10 * MINUTE_MS;
/** Reminders handled per partition per run; a backlog larger than this is worked off over several runs. */
const PER_RUN = 100;

/** Why a reminder the reconciler gave up on was not sent: shown to staff on the appointment. */
export const NOT_SENT_AFTER_REDRIVE = "not-sent-after-redrive";

/**
 * Makes every reminder converge, whatever crashed where. It reads only the sparse index of unsettled
 * reminders (a settled reminder leaves it), so its cost follows what is unsettled, never what was sent.
 * 1. Pending reminders whose schedule was never confirmed (a lost stream record, a crash between the
 *    write and the sync): make the schedule again, or hand the reminder over if due.
 * 2. Pending reminders past due and not settled: leave one a sender holds; wait for the SES Send event of
 *    one whose sender's lease ran out (the email may have gone out); hand the rest to send-reminder once
 *    more; mark `failed`, with the reason, one that a re-drive did not settle either.
 */
export async function reconcileReminders(deps: ReconcilerDeps): Promise<ReconcileReport> {
  const now = deps.clock.now();
  const at = (offsetMs: number) => new Date(now.getTime() - offsetMs).toISOString();
  const report: ReconcileReport = { examined: 0, redriven: 0, resynced: 0, failed: 0 };

  for (const r of await deps.store.listUnsyncedReminders(at(SYNC_GRACE_MS), PER_RUN)) {
    report.examined++;
    await ensureScheduled(
      deps,
      {
        id: r.reminderId,
        appointmentId: r.appointmentId,
        dueAt: r.dueAt,
        status: "scheduled",
        version: r.version,
      },
      true,
      now,
    );
    report.resynced++;
  }

  for (const r of await deps.store.listOverdueReminders(at(DUE_GRACE_MS), PER_RUN)) {
    report.examined++;
    const action = overdueAction(r, now.getTime());
    if (action === "wait") continue;
    const ref = { appointmentId: r.appointmentId, reminderId: r.reminderId, version: r.version };
    if (action === "fail") {
      if (await deps.store.failReminder(ref, NOT_SENT_AFTER_REDRIVE, now.toISOString())) report.failed++;
      continue;
    }
    if (await deps.store.markRedriven(ref, now.toISOString())) {
      await deps.scheduler.sendNow({
        reminderId: r.reminderId,
        appointmentId: r.appointmentId,
        dueAt: r.dueAt,
      });
      report.redriven++;
    }
  }
  return report;
}

/** What to do with one overdue, unsettled reminder. */
export function overdueAction(r: UnsettledReminder, nowMs: number): "wait" | "redrive" | "fail" {
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).getTime());
  const leaseEnd = ms(r.claimedUntil);
  if (leaseEnd !== undefined && nowMs <= leaseEnd + SEND_EVENT_GRACE_MS) return "wait";
  const redriven = ms(r.redrivenAt);
  if (redriven === undefined) return "redrive";
  return nowMs - redriven < REDRIVE_TIMEOUT_MS ? "wait" : "fail";
}
