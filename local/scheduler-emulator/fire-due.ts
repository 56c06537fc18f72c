import { atInstant } from "./at-expression.js";
import type { ScheduleStore } from "./schedule-store.js";
import type { FiredSchedule, InvokeTarget, StoredSchedule } from "./types.js";

/** AWS retries up to 185 times over 24 h; locally a few immediate retries show the same behaviour. */
export const DEFAULT_LOCAL_RETRY_CAP = 3;
/**
 * How many invocations of schedules due at the same instant run at once. AWS fires them concurrently, as
 * many as the target can take: send-reminder's reserved concurrency is 5 (infra/stateless-stack.ts).
 * 1 fires strictly one at a time.
 */
export const DEFAULT_LOCAL_CONCURRENCY = 5;
/** A target that keeps creating due schedules would otherwise loop forever. */
const MAX_FIRINGS_PER_CALL = 10_000;

/** Scheduler's payload when a target has no Input. */
const DEFAULT_INPUT = "{}";

export function dueAt(schedule: StoredSchedule): Date {
  return atInstant(schedule.ScheduleExpression, schedule.ScheduleExpressionTimezone);
}

interface Due {
  schedule: StoredSchedule;
  at: number;
}

/** Every enabled, unfired schedule due at or before `now`: earliest first, ties by group and name. */
function dueInOrder(store: ScheduleStore, now: Date): Due[] {
  const due: Due[] = [];
  for (const schedule of store.eachSchedule()) {
    if (schedule.State !== "ENABLED" || schedule.firedAt !== undefined) continue;
    const at = dueAt(schedule).getTime();
    if (at <= now.getTime()) due.push({ schedule, at });
  }
  return due.sort(
    (a, b) =>
      a.at - b.at ||
      a.schedule.GroupName.localeCompare(b.schedule.GroupName) ||
      a.schedule.Name.localeCompare(b.schedule.Name),
  );
}

/**
 * The schedules to fire next, as a scan of the whole store before each instant would pick them, without
 * that scan: the due list is made once and made again only when something other than the firings
 * themselves changed the store (a target that creates, updates or deletes schedules, or schedule-sync
 * running meanwhile). A burst of 1,000 due reminders otherwise sorted and re-read every pending schedule a
 * thousand times over.
 */
class DueSchedules {
  private order: Due[] = [];
  private next = 0;
  private seen = -1;

  constructor(
    private readonly store: ScheduleStore,
    private readonly now: Date,
  ) {}

  /**
   * Every schedule due at the earliest instant still pending (empty when none is), as the store holds it
   * now. Called only once the previous instant's firings have all completed, so nothing is in flight.
   */
  takeInstant(): StoredSchedule[] {
    if (this.store.scheduleChanges !== this.seen) {
      this.order = dueInOrder(this.store, this.now);
      this.next = 0;
      this.seen = this.store.scheduleChanges;
    }
    const instant: StoredSchedule[] = [];
    let instantAt: number | undefined;
    while (this.next < this.order.length) {
      const { schedule, at } = this.order[this.next]!;
      // A spent one was deleted or marked by its own firing; a changed one is in a list made again.
      if (!this.unchanged(schedule)) {
        this.next += 1;
        continue;
      }
      if (instantAt !== undefined && at !== instantAt) break;
      instantAt = at;
      instant.push(schedule);
      this.next += 1;
    }
    return instant;
  }

  /** Still the schedule as the list read it: not updated, deleted or spent since. */
  unchanged(schedule: StoredSchedule): boolean {
    return this.store.schedule(schedule.GroupName, schedule.Name) === schedule;
  }

  /**
   * A firing marking its own schedule spent: the list stays good, unless something else changed too.
   * Synchronous, so firings completing in any order keep the count exact.
   */
  spend(change: () => void): void {
    const before = this.store.scheduleChanges;
    change();
    if (before === this.seen) this.seen = this.store.scheduleChanges;
  }
}

/**
 * Fires every enabled schedule due at or before `now` (the local clock, never wall time), one due instant
 * after another, earliest first, as they would have fired had the clock moved through each of them. The
 * schedules due at the same instant fire concurrently, at most `concurrency` invocations at a time (AWS
 * fires them together, as many as the target's concurrency allows); the call returns once every invocation
 * it started has completed, with its firings in due order (ties by group and name), whatever order they
 * completed in. What it fires at the next instant follows the store after this one's firings, because a
 * target may create, update or delete schedules; a schedule changed or deleted before its own invocation
 * starts is not fired as it was read (an update still due fires at its new instant). A failing target is
 * retried immediately up to min(MaximumRetryAttempts, retryCap) times, then dead-lettered.
 */
export async function fireDue(
  store: ScheduleStore,
  now: Date,
  invoke: InvokeTarget,
  retryCap = DEFAULT_LOCAL_RETRY_CAP,
  concurrency = DEFAULT_LOCAL_CONCURRENCY,
): Promise<FiredSchedule[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const fired: FiredSchedule[] = [];
  const due = new DueSchedules(store, now);
  for (let instant = due.takeInstant(); instant.length > 0; instant = due.takeInstant()) {
    if (fired.length + instant.length > MAX_FIRINGS_PER_CALL) {
      throw new Error(
        `fired ${MAX_FIRINGS_PER_CALL} schedules in one call; does a target keep creating due ones?`,
      );
    }
    const results: (FiredSchedule | undefined)[] = new Array(instant.length);
    let next = 0;
    const worker = async () => {
      while (next < instant.length) {
        const index = next++;
        const schedule = instant[index]!;
        // Another firing of this instant (or schedule-sync, under npm start) may have changed it meanwhile.
        if (!due.unchanged(schedule)) continue;
        results[index] = await fireOne(store, due, schedule, now, invoke, retryCap);
      }
    };
    const workers = await Promise.allSettled(
      Array.from({ length: Math.min(concurrency, instant.length) }, worker),
    );
    // Only the store's own bookkeeping can throw (a failed write of its file): reported once all are done.
    const failed = workers.find((w): w is PromiseRejectedResult => w.status === "rejected");
    if (failed) throw failed.reason;
    for (const result of results) if (result !== undefined) fired.push(result);
  }
  return fired;
}

/** One schedule's invocation with its retries, then its dead letter if it kept failing, then spent. */
async function fireOne(
  store: ScheduleStore,
  due: DueSchedules,
  schedule: StoredSchedule,
  now: Date,
  invoke: InvokeTarget,
  retryCap: number,
): Promise<FiredSchedule> {
  const { GroupName: groupName, Name: scheduleName, Target: target, revision } = schedule;
  const input = target.Input ?? DEFAULT_INPUT;
  // Nothing is marked before the invoke completes: a process killed mid-invoke fires it again after a
  // restart, as AWS delivers at least once. Within one call, a schedule is in one instant's list once, and
  // the next instant's list is read only after every firing of this one has completed and marked its own.

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

  // Completed (success or not, as AWS counts it): deleted or spent, unless the target updated (a new
  // firing) or deleted it meanwhile.
  const current = store.schedule(groupName, scheduleName);
  if (current?.revision === revision) {
    due.spend(() => {
      if (schedule.ActionAfterCompletion === "DELETE") store.deleteSchedule(groupName, scheduleName);
      else store.putSchedule({ ...current, firedAt: now.toISOString() });
    });
  }
  return result;
}
