/** What a schedule carries to send-reminder: enough to find the reminder and notice a stale firing. */
export interface ReminderJob {
  reminderId: string;
  appointmentId: string;
  /** The due time this schedule was made for; a reminder moved since then is not sent by it. */
  dueAt: string;
}

/** Where one-time reminder schedules live (EventBridge Scheduler, or the local emulator). */
export interface ReminderScheduler {
  /**
   * Creates the reminder's schedule, or moves it if it exists. `exists` says which to try first (the
   * stream's old image knows): one request when it is right, two when it is not.
   */
  upsert(job: ReminderJob, hint?: { exists: boolean }): Promise<void>;
  /** Deletes the reminder's schedule; a schedule that does not exist is already deleted. */
  remove(reminderId: string): Promise<void>;
  /** Hands a reminder that is already due to send-reminder at once. */
  sendNow(job: ReminderJob): Promise<void>;
}

/** Schedule names are derived from the reminder, so every retry addresses the same schedule. */
export function scheduleName(reminderId: string): string {
  return `rem-${reminderId}`;
}
