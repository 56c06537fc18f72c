import { preparationDetails } from "../../domain/preparation.js";
import type { Block } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { isDosingService, serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { cancelAdvice, visitFacts } from "../visit-facts.js";
import { drinkingLines, transportLines } from "./preparation-lines.js";

export function preparationEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const protocol = sessionProtocol(clinic, appointment.service, input.protocol);
  const label = serviceLabel(appointment.service, protocol);
  const subject = subjectLine(
    clinic,
    `getting ready for your visit on ${shortDate(appointment.start, zone)}`,
  );
  const intro: Block = {
    type: "paragraph",
    text: `Your ${label} is on ${longDateTime(appointment.start, zone)}. Here is how to get ready, so the day goes smoothly.`,
  };
  if (!protocol) {
    // Talking sessions have no fasting or transport rules. A chair session whose protocol went
    // missing must not read as "no rules": the patient is asked to call instead.
    const unknownRules: Block[] = isDosingService(appointment.service)
      ? [
          {
            type: "paragraph",
            text: `Please call us on ${clinic.phone} before your visit so we can tell you when to stop eating and drinking, and how to get home afterwards.`,
          },
        ]
      : [];
    return {
      subject,
      blocks: [intro, visitFacts(clinic, appointment), ...unknownRules, cancelAdvice(clinic)],
      attachments: [],
      closing: "We look forward to seeing you.",
    };
  }
  const prep = preparationDetails({ clinic, protocol, start: appointment.start });
  const blocks: Block[] = [intro, visitFacts(clinic, appointment)];
  const food = drinkingLines(protocol, prep);
  if (food.length > 0) {
    blocks.push({ type: "heading", text: "Eating and drinking" }, { type: "list", items: food });
  }
  blocks.push({ type: "heading", text: "Getting home" }, { type: "list", items: transportLines(prep) });
  if (prep.bring.length > 0) {
    blocks.push({ type: "heading", text: "What to bring" }, { type: "list", items: prep.bring });
  }
  if (prep.notes.length > 0) {
    blocks.push({ type: "heading", text: "Good to know" }, { type: "list", items: prep.notes });
  }
  blocks.push({
    type: "paragraph",
    text: `All times are the clinic's local time (${prep.zoneAbbreviation}). If you feel unwell, or your health or medicines have changed, please call us on ${clinic.phone} before you come in.`,
  });
  blocks.push(cancelAdvice(clinic));
  return { subject, blocks, attachments: [], closing: "We look forward to seeing you." };
}
