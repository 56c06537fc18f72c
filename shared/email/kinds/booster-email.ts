import type { Block } from "../email-blocks.js";
import { isWebUrl } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { subjectLine } from "../subject-line.js";

/** An invitation, not a booking: no date, no calendar file, and a way to stop further invitations. */
export function boosterEmail(input: EmailInput): EmailDraft {
  const { clinic } = input;
  const blocks: Block[] = [
    {
      type: "paragraph",
      text: "We hope you are doing well since your last visit. Some people find that a follow-up session helps them keep the progress they made.",
    },
    {
      type: "paragraph",
      text: `If you would like to book a follow-up session, or talk it over first, please call us on ${clinic.phone}. There is no pressure: we are happy to hear from you whenever it suits you.`,
    },
  ];
  const url =
    input.unsubscribeUrl !== undefined && isWebUrl(input.unsubscribeUrl) ? input.unsubscribeUrl : undefined;
  if (url) {
    blocks.push({ type: "link", text: "Stop these invitations", url });
  }
  return {
    subject: subjectLine(clinic, "time to book your next visit"),
    blocks,
    attachments: [],
    ...(url ? { listUnsubscribeUrl: url } : {}),
    closing: "Take care.",
  };
}
