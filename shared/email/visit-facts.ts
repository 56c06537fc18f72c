import { arrivalInstant } from "../domain/arrival.js";
import type { Clinic } from "../domain/clinic.js";
import type { Block } from "./email-blocks.js";
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
