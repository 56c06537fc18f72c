import type { ReminderKind } from "../domain/types.js";
import { type Block, renderHtml, renderText } from "./email-blocks.js";
import type { EmailDraft } from "./email-draft.js";
import type { EmailInput, RenderedEmail } from "./email-input.js";
import { assertSafeSubject } from "./forbidden-words.js";
import { boosterEmail } from "./kinds/booster-email.js";
import { cancellationEmail } from "./kinds/cancellation-email.js";
import { confirmationEmail } from "./kinds/confirmation-email.js";
import { preparationEmail } from "./kinds/preparation-email.js";
import { reminderEmail } from "./kinds/reminder-email.js";
import { rescheduleEmail } from "./kinds/reschedule-email.js";
import { hasNeutralName, oneLine } from "./subject-line.js";

const DRAFTS: Record<ReminderKind, (input: EmailInput) => EmailDraft> = {
  confirmation: confirmationEmail,
  preparation: preparationEmail,
  reminder: reminderEmail,
  booster: boosterEmail,
  cancellation: cancellationEmail,
  reschedule: rescheduleEmail,
};

function greeting(firstName: string): Block {
  const name = oneLine(firstName);
  return { type: "paragraph", text: name ? `Hello ${name},` : "Hello," };
}

function footer(input: EmailInput, closing: string): Block[] {
  const { clinic } = input;
  return [
    // Lock-screen previews show the body too, so a name that gives the treatment away stays out.
    { type: "paragraph", text: `${closing}\n${hasNeutralName(clinic) ? clinic.name : "Your care team"}` },
    {
      type: "facts",
      rows: [
        { label: "Address", value: clinic.address },
        { label: "Phone", value: clinic.phone },
      ],
    },
    {
      type: "paragraph",
      text: "If you are in crisis or feel unsafe, please call your local emergency number now.",
    },
  ];
}

/**
 * Every email the system sends, as subject, plain text, HTML and attachments. Pure: the same input
 * gives the same bytes, so a retried delivery sends the very same message.
 */
export function renderEmail(input: EmailInput): RenderedEmail {
  const draft = DRAFTS[input.kind](input);
  assertSafeSubject(draft.subject);
  const blocks = [greeting(input.patient.firstName), ...draft.blocks, ...footer(input, draft.closing)];
  return {
    subject: draft.subject,
    text: renderText(blocks),
    html: renderHtml(draft.subject, blocks),
    attachments: draft.attachments,
    ...(draft.listUnsubscribeUrl ? { listUnsubscribeUrl: draft.listUnsubscribeUrl } : {}),
  };
}
