import * as z from "zod/mini";
import { logger } from "../observability/logger.js";
import type { Deps } from "../use-cases/deps.js";
import { recordEmailEvent, recordSendEvent } from "../use-cases/record-email-event.js";

/** The parts of an SES event (delivered by EventBridge as `detail`) this handler reads. */
const sesEventSchema = z.object({
  detail: z.object({
    eventType: z.string(),
    mail: z.object({
      messageId: z.optional(z.string()),
      timestamp: z.optional(z.string()),
      destination: z._default(z.array(z.string()), []),
      tags: z._default(z.record(z.string(), z.array(z.string())), {}),
    }),
    bounce: z.optional(
      z.object({
        bounceType: z.string(),
        bouncedRecipients: z._default(z.array(z.object({ emailAddress: z.string() })), []),
      }),
    ),
    complaint: z.optional(
      z.object({ complainedRecipients: z._default(z.array(z.object({ emailAddress: z.string() })), []) }),
    ),
  }),
});

type SesEvent = z.infer<typeof sesEventSchema>["detail"];

/**
 * SES events, via EventBridge: a Send settles the reminder whose sender may have died before recording
 * it; bounces and complaints mark the patient's address (emailStatus).
 */
export function makeEmailEventsHandler(deps: Deps) {
  return async (event: unknown): Promise<void> => {
    const parsed = sesEventSchema.safeParse(event);
    if (!parsed.success) {
      logger.warn("email-events got an event it does not understand");
      return;
    }
    const { detail } = parsed.data;
    if (detail.eventType === "Send") return onSend(deps, detail);
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

async function onSend(deps: Deps, detail: SesEvent): Promise<void> {
  const tag = (name: string) => detail.mail.tags[name]?.[0];
  const appointmentId = tag("appointmentId");
  const reminderId = tag("reminderId");
  const claimId = tag("claimId");
  const messageId = detail.mail.messageId;
  // Emails not sent by send-reminder (or before claims were tagged) have nothing to settle.
  if (!appointmentId || !reminderId || !claimId || !messageId) return;
  const sentAt = detail.mail.timestamp ? new Date(detail.mail.timestamp) : deps.clock.now();
  await recordSendEvent(deps, {
    appointmentId,
    reminderId,
    claimId,
    messageId,
    sentAt: (Number.isNaN(sentAt.getTime()) ? deps.clock.now() : sentAt).toISOString(),
  });
  logger.info("send event recorded", { appointmentId, reminderId });
}
