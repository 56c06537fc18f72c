import { preparationDetails } from "../../domain/preparation.js";
import type { Block } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { answerBlocks, cancelAdvice, visitFacts } from "../visit-facts.js";
import { preparationSummary } from "./preparation-lines.js";

export function reminderEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const protocol = sessionProtocol(clinic, appointment.service, input.protocol);
  const label = serviceLabel(appointment.service, protocol);
  // "Coming up" rather than "tomorrow": quiet hours may send it earlier than 24 h before.
  const blocks: Block[] = [
    {
      type: "paragraph",
      text: `A quick reminder: your ${label} is coming up on ${longDateTime(appointment.start, zone)}.`,
    },
    visitFacts(clinic, appointment),
    ...answerBlocks(input),
  ];
  if (protocol) {
    const prep = preparationDetails({ clinic, protocol, start: appointment.start });
    blocks.push(
      { type: "heading", text: "Before you come" },
      { type: "list", items: preparationSummary(protocol, prep) },
    );
  }
  blocks.push(cancelAdvice(clinic));
  return {
    subject: subjectLine(clinic, `reminder of your appointment on ${shortDate(appointment.start, zone)}`),
    blocks,
    attachments: [],
    closing: "We look forward to seeing you.",
  };
}
