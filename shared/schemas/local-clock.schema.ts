import * as z from "zod/mini";
import { instantSchema, utcInstantSchema } from "./common.schema.js";

/** `POST /local/clock` (local mode only): moving backwards is the handler's 400, not a shape error. */
export const localClockBodySchema = z.strictObject({ now: instantSchema });
export type LocalClockBody = z.infer<typeof localClockBodySchema>;

export const localClockSchema = z.object({ now: utcInstantSchema });
export type LocalClock = z.infer<typeof localClockSchema>;

/** One reminder a clock move fired, and what send-reminder did with it. */
export const firedReminderSchema = z.object({
  reminderId: z.string(),
  appointmentId: z.string(),
  dueAt: utcInstantSchema,
  result: z.enum(["sent", "skipped", "cancelled", "failed", "ignored"]),
  reason: z.optional(z.string()),
});

/** The reply to a move: the new time and every reminder that fired on the way. */
/** What the reconciler did on a move (reminders a crash left behind, re-driven or marked failed). */
export const reconcileReportSchema = z.object({
  examined: z.number().check(z.int()),
  redriven: z.number().check(z.int()),
  resynced: z.number().check(z.int()),
  failed: z.number().check(z.int()),
});

export const localClockMoveSchema = z.object({
  now: utcInstantSchema,
  fired: z.array(firedReminderSchema),
  reconciled: reconcileReportSchema,
});
export type LocalClockMove = z.infer<typeof localClockMoveSchema>;

/** `GET /local/dead-letters`: what did not make it, as the local stand-ins for the SQS dead-letter queues hold it. */
export const deadLettersSchema = z.object({
  schedules: z
    .array(z.unknown())
    .register(z.globalRegistry, { description: "Schedules whose target kept failing." }),
  invokes: z
    .array(z.unknown())
    .register(z.globalRegistry, { description: "Asynchronous invocations of send-reminder that failed." }),
  stream: z
    .array(z.unknown())
    .register(z.globalRegistry, { description: "Stream batches schedule-sync could not process." }),
});
