import { calendarFile } from "../calendar-file.js";
import type { Block } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { orderedSessions } from "./confirmation-email.js";

/** Names what was cancelled and how to rebook; the .ics removes the event(s) from the patient's calendar. */
export function cancellationEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const label = serviceLabel(
    appointment.service,
    sessionProtocol(clinic, appointment.service, input.protocol),
  );
  const sessions = orderedSessions(input);
  const first = sessions[0]!;
  const blocks: Block[] =
    sessions.length > 1
      ? [
          { type: "paragraph", text: `These ${sessions.length} ${label}s have been cancelled:` },
          { type: "list", ordered: true, items: sessions.map((s) => longDateTime(s.start, zone)) },
        ]
      : [
          {
            type: "paragraph",
            // A move the patient may not have heard of yet: name the time they know too.
            text: input.previousStart
              ? `Your ${label} on ${longDateTime(appointment.start, zone)} (moved from ${longDateTime(input.previousStart, zone)}) has been cancelled.`
              : `Your ${label} on ${longDateTime(appointment.start, zone)} has been cancelled.`,
          },
        ];
  blocks.push(
    {
      type: "paragraph",
      text: `If you did not expect this, or you would like to book a new time, please call us on ${clinic.phone}. We are glad to help.`,
    },
    { type: "paragraph", text: "The attached calendar file removes the cancelled time from your calendar." },
  );
  return {
    subject: subjectLine(clinic, `appointment cancelled for ${shortDate(first.start, zone)}`),
    blocks,
    attachments: [
      calendarFile({
        clinic,
        events: sessions.map((s) => ({ appointmentId: s.id, start: s.start, end: s.end })),
        method: "CANCEL",
        // A cancellation supersedes the booking it cancels, so it must outrank its SEQUENCE.
        sequence: input.icsSequence ?? 1,
        issuedAt: input.issuedAt,
        organizerEmail: input.organizerEmail,
      }),
    ],
    closing: "Take care.",
  };
}
