import { calendarFile } from "../calendar-file.js";
import type { EmailDraft } from "../email-draft.js";
import type { EmailInput, EmailSession } from "../email-input.js";
import { longDateTime, shortDate } from "../local-format.js";
import { isDosingService, serviceLabel, sessionProtocol } from "../service-label.js";
import { subjectLine } from "../subject-line.js";
import { answerBlocks, cancelAdvice, visitFacts } from "../visit-facts.js";

/** A series' sessions in order; a lone appointment is a series of one. */
export function orderedSessions(input: EmailInput): EmailSession[] {
  if (!input.sessions || input.sessions.length === 0) {
    const { id, start, end } = input.appointment;
    return [{ id, start, end, sequence: input.appointment.sequence ?? 1 }];
  }
  return [...input.sessions].sort((a, b) => a.sequence - b.sequence || a.start.localeCompare(b.start));
}

export function confirmationEmail(input: EmailInput): EmailDraft {
  const { clinic, appointment } = input;
  const zone = clinic.timezone;
  const label = serviceLabel(
    appointment.service,
    sessionProtocol(clinic, appointment.service, input.protocol),
  );
  const sessions = orderedSessions(input);
  const first = sessions[0]!;
  const series = sessions.length > 1;
  const blocks: EmailDraft["blocks"] = series
    ? [
        {
          type: "paragraph",
          text: `Your ${sessions.length} ${label}s are booked. Here are the dates and times:`,
        },
        {
          type: "list",
          ordered: true,
          items: sessions.map((s) => longDateTime(s.start, zone)),
        },
        { type: "paragraph", text: "Your first visit:" },
        visitFacts(clinic, first),
      ]
    : [
        { type: "paragraph", text: `Your ${label} is booked.` },
        visitFacts(clinic, appointment),
        // A series' confirmation lists many visits: each session's day-before reminder carries its own links.
        ...answerBlocks(input),
      ];
  if (isDosingService(appointment.service)) {
    blocks.push({
      type: "paragraph",
      text: "Two days before each visit we will email you how to prepare: when to stop eating and drinking, and how to get home afterwards.",
    });
  }
  blocks.push({
    type: "paragraph",
    text: series
      ? "The attached calendar file adds every visit to your calendar."
      : "The attached calendar file adds this visit to your calendar.",
  });
  blocks.push(cancelAdvice(clinic));
  return {
    subject: series
      ? subjectLine(clinic, `your appointments are confirmed, starting ${shortDate(first.start, zone)}`)
      : subjectLine(clinic, `appointment confirmed for ${shortDate(appointment.start, zone)}`),
    blocks,
    attachments: [
      calendarFile({
        clinic,
        events: sessions.map((s) => ({ appointmentId: s.id, start: s.start, end: s.end })),
        method: "REQUEST",
        sequence: input.icsSequence ?? 0,
        issuedAt: input.issuedAt,
        organizerEmail: input.organizerEmail,
      }),
    ],
    closing: "We look forward to seeing you.",
  };
}
