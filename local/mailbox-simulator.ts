import type { AcceptedEmail } from "./ses/accepted-mail-log.js";

const BOUNCE = "bounce@simulator.amazonses.com";
const COMPLAINT = "complaint@simulator.amazonses.com";

/**
 * The events SES publishes (configuration set → EventBridge) for one accepted email: a `Send` for
 * every one and, as SES's mailbox simulator does, a permanent bounce for mail to
 * bounce@simulator.amazonses.com and a complaint for complaint@simulator.amazonses.com. Each event is
 * in the shape EventBridge delivers to the email-events function.
 */
export function sesEventsFor(accepted: AcceptedEmail): object[] {
  const destination = accepted.email.destination.to;
  const mail = {
    messageId: accepted.email.messageId,
    destination,
    tags: Object.fromEntries(Object.entries(accepted.tags).map(([k, v]) => [k, [v]])),
  };
  const event = (detailType: string, detail: object) => ({
    "detail-type": detailType,
    source: "aws.ses",
    detail: { ...detail, mail },
  });
  const events = [event("Email Sent", { eventType: "Send" })];
  for (const address of destination) {
    const lower = address.toLowerCase();
    if (lower.startsWith(BOUNCE)) {
      events.push(
        event("Email Bounced", {
          eventType: "Bounce",
          bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: address }] },
        }),
      );
    } else if (lower.startsWith(COMPLAINT)) {
      events.push(
        event("Email Complained", {
          eventType: "Complaint",
          complaint: { complainedRecipients: [{ emailAddress: address }] },
        }),
      );
    }
  }
  return events;
}
