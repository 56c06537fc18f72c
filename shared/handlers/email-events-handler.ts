import * as z from "zod";
import { logger } from "../observability/logger.js";
import type { Deps } from "../use-cases/deps.js";
import { recordEmailEvent } from "../use-cases/record-email-event.js";

/** The parts of an SES event (delivered by EventBridge as `detail`) this handler reads. */
const sesEventSchema = z.object({
  detail: z.object({
    eventType: z.string(),
    mail: z.object({
      destination: z.array(z.string()).default([]),
      tags: z.record(z.string(), z.array(z.string())).default({}),
    }),
    bounce: z
      .object({
        bounceType: z.string(),
        bouncedRecipients: z.array(z.object({ emailAddress: z.string() })).default([]),
      })
      .optional(),
    complaint: z
      .object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })).default([]) })
      .optional(),
  }),
});

/** SES bounce and complaint events, via EventBridge, to the patient's emailStatus. */
export function makeEmailEventsHandler(deps: Deps) {
  return async (event: unknown): Promise<void> => {
    const parsed = sesEventSchema.safeParse(event);
    if (!parsed.success) {
      logger.warn("email-events got an event it does not understand");
      return;
    }
    const { detail } = parsed.data;
    if (detail.eventType !== "Bounce" && detail.eventType !== "Complaint") return;
    const recipients =
      detail.eventType === "Bounce"
        ? (detail.bounce?.bouncedRecipients ?? []).map((r) => r.emailAddress)
        : (detail.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress);
    const patientId = detail.mail.tags.patientId?.[0];
    const result = await recordEmailEvent(deps, {
      type: detail.eventType,
      ...(patientId ? { patientId } : {}),
      recipients: recipients.length ? recipients : detail.mail.destination,
      ...(detail.bounce ? { bounceType: detail.bounce.bounceType } : {}),
    });
    logger.info("email event recorded", { patientId, eventType: detail.eventType, result });
  };
}
