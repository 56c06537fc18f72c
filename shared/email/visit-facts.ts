import { arrivalInstant } from "../domain/arrival.js";
import type { Clinic } from "../domain/clinic.js";
import { cancellationDeadline } from "../domain/patient-answer.js";
import { instantMs } from "../domain/wall-clock.js";
import { type Block, isWebUrl } from "./email-blocks.js";
import type { EmailInput } from "./email-input.js";
import { clockTime, longDateTime, visitLength } from "./local-format.js";
import { hasNeutralName } from "./subject-line.js";

/** When, how long, arrive by, where: what a patient needs to turn up at the right door. */
export function visitFacts(clinic: Clinic, visit: { start: string; end: string }): Block {
  const arrival = arrivalInstant(clinic, visit.start);
  const rows = [
    { label: "When", value: longDateTime(visit.start, clinic.timezone) },
    {
      label: "How long",
      value: `About ${visitLength(visit.start, visit.end)} (until ${clockTime(visit.end, clinic.timezone)})`,
    },
  ];
  if (clinic.arrivalMinutesBefore > 0) {
    rows.push({
      label: "Please arrive by",
      value: clockTime(arrival, clinic.timezone),
    });
  }
  rows.push({
    label: "Where",
    value: hasNeutralName(clinic) ? `${clinic.name}\n${clinic.address}` : clinic.address,
  });
  return { type: "facts", rows };
}

/** Patients in a fragile week should never wonder whether cancelling is allowed or how. */
export function cancelAdvice(clinic: Clinic): Block {
  return {
    type: "paragraph",
    text: `If you need to cancel or change this appointment, please call us on ${clinic.phone}. That is always fine, and the earlier you let us know, the easier it is to find you a new time.`,
  };
}

/**
 * Confirm and Cancel, one tap each, when the email carries links for its appointment. Each opens a page
 * with a button: nothing changes until the patient presses it. Cancelling online ends with the clinic's
 * notice window, and the email says when.
 */
export function answerBlocks(input: EmailInput): Block[] {
  const links = input.answerLinks;
  if (!links || !isWebUrl(links.confirm) || !isWebUrl(links.cancel)) return [];
  const { clinic, appointment } = input;
  const deadline = cancellationDeadline(clinic, appointment.start);
  // A day-before reminder usually goes out about when online cancelling ends: say so rather than name a past time.
  const late = input.issuedAt !== undefined && instantMs(input.issuedAt) >= instantMs(deadline);
  return [
    { type: "heading", text: "Will you be there?" },
    { type: "link", text: "Confirm: I will be there", url: links.confirm },
    { type: "link", text: "Cancel: I cannot come", url: links.cancel },
    {
      type: "paragraph",
      text: late
        ? `It is less than ${clinic.cancellationNoticeHours} hours before your visit, so to cancel, please call us on ${clinic.phone}.`
        : `You can cancel online until ${longDateTime(deadline, clinic.timezone)}. After that, please call us.`,
    },
  ];
}
