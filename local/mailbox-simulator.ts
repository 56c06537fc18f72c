import type { Mailer, OutgoingEmail } from "../shared/ports/mailer.js";

/**
 * SES's mailbox simulator, locally: mail to bounce@simulator.amazonses.com produces a permanent bounce
 * event and complaint@simulator.amazonses.com a complaint, delivered to the email-events handler as
 * EventBridge would. Lets staff and tests see a bounced address end-to-end without AWS.
 */
export function simulatedMailboxEvents(
  mailer: Mailer,
  emailEvents: (event: unknown) => Promise<void>,
): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const messageId = await mailer.send(email);
      const address = email.to.toLowerCase();
      const mail = {
        messageId,
        destination: [email.to],
        tags: Object.fromEntries(Object.entries(email.tags).map(([k, v]) => [k, [v]])),
      };
      if (address.startsWith("bounce@simulator.amazonses.com")) {
        await emailEvents({
          "detail-type": "Email Bounced",
          source: "aws.ses",
          detail: {
            eventType: "Bounce",
            mail,
            bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: email.to }] },
          },
        });
      } else if (address.startsWith("complaint@simulator.amazonses.com")) {
        await emailEvents({
          "detail-type": "Email Complained",
          source: "aws.ses",
          detail: {
            eventType: "Complaint",
            mail,
            complaint: { complainedRecipients: [{ emailAddress: email.to }] },
          },
        });
      }
      return messageId;
    },
  };
}
