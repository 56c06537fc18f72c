import { wallClock } from "../../domain/wall-clock.js";
import { calendarFile } from "../calendar-file.js";
import type { Block } from "../email-blocks.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { orderedSessions } from "./confirmation-email.js";

/**
 * Names what was cancelled and how to rebook; the .ics removes the event(s) from the patient's calendar.
 * A series speaks of all its sessions, from subject to calendar file; a clinic closure says the clinic
 * will call, since the patient did nothing to cause it.
 */
export function cancellationEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const label = serviceLabel(
    appointment.service,
    sessionProtocol(clinic, appointment.service, input.protocol),
  );
  const sessions = orderedSessions(input);
  const first = sessions[0]!;
  const several = sessions.length > 1;
  const blocks: Block[] = several
    ? [
        { type: "paragraph", text: `These ${sessions.length} ${label}s have been cancelled:` },
        { type: "list", ordered: true, items: sessions.map((s) => longDateTime(s.start, zone)) },
      ]
    : [{ type: "paragraph", text: whatWasCancelled(input, label) }];
  blocks.push(
    input.notice === "clinic-closure"
      ? {
          type: "paragraph",
          text: `We will call you to find a new time. If you would rather call us, we are on ${clinic.phone}.`,
        }
      : {
          type: "paragraph",
          text: `If you did not expect this, or you would like to book ${several ? "new times" : "a new time"}, please call us on ${clinic.phone}. We are glad to help.`,
        },
    {
      type: "paragraph",
      text: several
        ? "The attached calendar file removes them from your calendar."
        : "The attached calendar file removes the cancelled time from your calendar.",
    },
  );
  return {
    subject: several
      ? subjectLine(clinic, `appointments cancelled, starting ${shortDate(first.start, zone)}`)
      : subjectLine(clinic, `appointment cancelled for ${shortDate(first.start, zone)}`),
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

/** The one cancelled visit, named as the patient knows it. */
function whatWasCancelled(input: EmailInput, label: string): string {
  const zone = input.clinic.timezone;
  const start = input.appointment.start;
  if (input.notice === "clinic-closure") {
    const day = wallClock(start, zone);
    return `We are very sorry: the clinic has to close on ${day.longDate}, so your ${label} at ${day.time} ${day.zoneAbbreviation} has been cancelled.`;
  }
  // A move the patient may not have heard of yet: name the time they know too.
  return input.previousStart
    ? `Your ${label} on ${longDateTime(start, zone)} (moved from ${longDateTime(input.previousStart, zone)}) has been cancelled.`
    : `Your ${label} on ${longDateTime(start, zone)} has been cancelled.`;
}
