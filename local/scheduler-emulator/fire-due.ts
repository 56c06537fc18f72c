import { atInstant } from "./at-expression.js";
import type { ScheduleStore } from "./schedule-store.js";
import type { FiredSchedule, InvokeTarget, StoredSchedule } from "./types.js";

/** AWS retries up to 185 times over 24 h; locally a few immediate retries show the same behaviour. */
export const DEFAULT_LOCAL_RETRY_CAP = 3;
/** A target that keeps creating due schedules would otherwise loop forever. */
const MAX_FIRINGS_PER_CALL = 10_000;

/** Scheduler's payload when a target has no Input. */
const DEFAULT_INPUT = "{}";

export function dueAt(schedule: StoredSchedule): Date {
  return atInstant(schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone);
}

/** Every enabled, unfired schedule due at or before `now`: earliest first, ties by group and name. */
function dueInOrder(store: ScheduleStore, now: Date): StoredSchedule[] {
  const due: { schedule: StoredSchedule; at: number }[] = [];
  for (const schedule of store.eachSchedule()) {
    if (schedule.State !== "ENABLED" || schedule.firedAt !== undefined) continue;
    const at = dueAt(schedule).getTime();
    if (at <= now.getTime()) due.push({ schedule, at });
  }
  return due
    .sort(
      (a, b) =>
        a.at - b.at ||
        a.schedule.GroupName.localeCompare(b.schedule.GroupName) ||
        a.schedule.Name.localeCompare(b.schedule.Name),
    )
    .map((d) => d.schedule);
}

/**
 * The next schedule to fire, as a scan of the whole store before each firing would pick it, without that
 * scan: the due list is made once and made again only when something other than the firings themselves
 * changed the store (a target that creates, updates or deletes schedules). A burst of 1,000 due reminders
 * otherwise sorted and re-read every pending schedule a thousand times over.
 */
class DueSchedules {
  private order: StoredSchedule[] = [];
  private next = 0;
  private seen = -1;

  constructor(
    private readonly store: ScheduleStore,
    private readonly now: Date,
  ) {}

  take(): StoredSchedule | undefined {
    if (this.store.scheduleChanges !== this.seen) {
      this.order = dueInOrder(this.store, this.now);
      this.next = 0;
      this.seen = this.store.scheduleChanges;
    }
    while (this.next < this.order.length) {
      const schedule = this.order[this.next++]!;
      // Unchanged since the list was made (a spent one was deleted or marked by its own firing).
      if (this.store.schedule(schedule.GroupName, schedule.Name) === schedule) return schedule;
    }
    return undefined;
  }

  /** A firing marking its own schedule spent: the list stays good, unless something else changed too. */
  spend(change: () => void): void {
    const before = this.store.scheduleChanges;
    change();
    if (before === this.seen) this.seen = this.store.scheduleChanges;
  }
}

/**
 * Fires, one at a time and earliest first, every enabled schedule due at or before `now` (the local clock,
 * never wall time). What it fires next follows the store after each firing, because a target may create,
 * update or delete schedules. A failing target is retried immediately up to min(MaximumRetryAttempts, retryCap)
 * times, then dead-lettered.
 */
export async function fireDue(
  store: ScheduleStore,
  now: Date,
  invoke: InvokeTarget,
  retryCap = DEFAULT_LOCAL_RETRY_CAP,
): Promise<FiredSchedule[]> {
  const fired: FiredSchedule[] = [];
  const due = new DueSchedules(store, now);
  for (let schedule = due.take(); schedule; schedule = due.take()) {
    if (fired.length >= MAX_FIRINGS_PER_CALL) {
      throw new Error(
        `fired ${MAX_FIRINGS_PER_CALL} schedules in one call; does a target keep creating due ones?`,
      );
    }
    const { GroupName: groupName, Name: scheduleName, Target: target, revision } = schedule;
    const input = target.Input ?? DEFAULT_INPUT;
    // Nothing is marked before the invoke completes: a process killed mid-invoke fires it again after a
    // restart, as AWS delivers at least once. Firing one at a time keeps it from being picked twice here.

    const maxAttempts = 1 + Math.min(target.RetryPolicy?.MaximumRetryAttempts ?? 185, retryCap);
    let attempts = 0;
    let lastError: string | undefined;
    while (attempts < maxAttempts) {
      attempts += 1;
      try {
        await invoke(target.Arn, input);
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }

    const result: FiredSchedule = {
      scheduleName,
      groupName,
      targetArn: target.Arn,
      input,
      dueAt: dueAt(schedule).toISOString(),
      attempts,
      outcome: lastError === undefined ? "succeeded" : "dead-lettered",
    };
    if (lastError !== undefined) {
      result.error = lastError;
      store.addDeadLetter({
        scheduleName,
        groupName,
        targetArn: target.Arn,
        input,
        error: lastError,
        at: now.toISOString(),
        attempts,
        ...(target.DeadLetterConfig?.Arn ? { deadLetterArn: target.DeadLetterConfig.Arn } : {}),
      });
    }
    fired.push(result);

    // Completed (success or not, as AWS counts it): deleted or spent, unless the target updated (a new
    // firing) or deleted it meanwhile.
    const current = store.schedule(groupName, scheduleName);
    if (current?.revision === revision) {
      due.spend(() => {
        if (schedule.ActionAfterCompletion === "DELETE") store.deleteSchedule(groupName, scheduleName);
        else store.putSchedule({ ...current, firedAt: now.toISOString() });
      });
    }
  }
  return fired;
}
