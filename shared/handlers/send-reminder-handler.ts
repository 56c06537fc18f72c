import * as z from "zod/mini";
import { logger } from "../observability/logger.js";
import type { ReminderJob } from "../ports/reminder-scheduler.js";
import { type ReminderDeps, type SendOutcome, sendReminder } from "../use-cases/send-reminder.js";

const jobSchema = z.object({
  reminderId: z.string().check(z.minLength(1)),
  appointmentId: z.string().check(z.minLength(1)),
  dueAt: z.string().check(z.minLength(1)),
});

/** Counts outcomes for dashboards and alarms (Powertools Metrics in Lambda). */
export interface OutcomeMetrics {
  count(outcome: SendOutcome["result"], kind?: string): void;
  flush?(): void;
}

/** Scheduler (or schedule-sync, for reminders already due) invokes this with the schedule's input. */
export function makeSendReminderHandler(deps: ReminderDeps, metrics?: OutcomeMetrics) {
  return async (event: unknown): Promise<SendOutcome> => {
    const parsed = jobSchema.safeParse(event);
    if (!parsed.success) {
      // Retrying a malformed input cannot help; say so loudly and stop.
      logger.error("send-reminder got an input that is not a reminder job");
      return { result: "ignored", reason: "malformed-input" };
    }
    const job: ReminderJob = parsed.data;
    try {
      const outcome = await sendReminder(deps, job);
      logger.info("reminder processed", {
        reminderId: job.reminderId,
        appointmentId: job.appointmentId,
        result: outcome.result,
        ...("reason" in outcome ? { reason: outcome.reason } : {}),
      });
      metrics?.count(outcome.result);
      return outcome;
    } finally {
      metrics?.flush?.();
    }
  };
}
