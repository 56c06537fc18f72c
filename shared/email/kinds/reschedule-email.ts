import { calendarFile } from "../calendar-file.js";
import type { Block } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { cancelAdvice, visitFacts } from "../visit-facts.js";

/** Old time and new time side by side, and a calendar update that moves the same event. */
export function rescheduleEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const label = serviceLabel(
    appointment.service,
    sessionProtocol(clinic, appointment.service, input.protocol),
  );
  const blocks: Block[] = [
    { type: "paragraph", text: `Your ${label} has moved to a new time.` },
    {
      type: "facts",
      rows: [
        ...(input.previousStart ? [{ label: "Was", value: longDateTime(input.previousStart, zone) }] : []),
        { label: "Now", value: longDateTime(appointment.start, zone) },
      ],
    },
    visitFacts(clinic, appointment),
    {
      type: "paragraph",
      text: "The attached calendar file moves the visit in your calendar.",
    },
    cancelAdvice(clinic),
  ];
  return {
    subject: subjectLine(clinic, `appointment moved to ${shortDate(appointment.start, zone)}`),
    blocks,
    attachments: [
      calendarFile({
        clinic,
        events: [{ appointmentId: appointment.id, start: appointment.start, end: appointment.end }],
        method: "REQUEST",
        sequence: input.icsSequence ?? 1,
        issuedAt: input.issuedAt,
        organizerEmail: input.organizerEmail,
      }),
    ],
    closing: "We look forward to seeing you.",
  };
}
