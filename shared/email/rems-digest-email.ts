import type { Clinic } from "../domain/clinic.js";
import type { RemsDigest } from "../domain/rems-digest.js";
import type { RemsForm } from "../domain/rems-form.js";
import { wallClock } from "../domain/wall-clock.js";
import { type Block, renderHtml, renderText } from "./email-blocks.js";
import type { RenderedEmail } from "./email-input.js";
import { longDateTime } from "./local-format.js";
import { subjectLine } from "./subject-line.js";

/** A clinic-local date as words ("Tuesday, 1 December 2026"): read at noon UTC, which is that date. */
const dateWords = (date: string) => wallClock(`${date}T12:00:00Z`, "UTC").longDate;
const shortDateWords = (date: string) => wallClock(`${date}T12:00:00Z`, "UTC").shortDate;

/**
 * The daily digest of monitoring forms, to the clinic's own mailbox. The subject names the clinic (its
 * subject name) and the date, nothing else, like every subject the system writes. The body lists each form
 * by appointment and patient id, session date and due time, and no patient names: a mailbox is read on
 * shared screens, forwarded and kept outside the clinic's records, and the ids are all the front desk
 * needs to find each patient in the staff console (minimum necessary). Pure: a retried send sends the same
 * bytes.
 */
export function renderRemsDigest(clinic: Clinic, digest: RemsDigest): Omit<RenderedEmail, "attachments"> {
  // subjectLine checks it: no drug, treatment or diagnosis, even from the clinic's name.
  const subject = subjectLine(clinic, `daily summary for ${dateWords(digest.date)}`);
  const line = (f: RemsForm) =>
    `Session of ${shortDateWords(f.sessionDate)}, due by ${longDateTime(f.dueBy, clinic.timezone)}\n` +
    `Appointment ${f.appointmentId}, patient ${f.patientId}`;
  const section = (title: string, forms: RemsForm[]): Block[] =>
    forms.length === 0
      ? []
      : [
          { type: "heading", text: `${title} (${forms.length})` },
          { type: "list", items: forms.map(line) },
        ];
  const blocks: Block[] = [
    {
      type: "paragraph",
      text:
        `REMS Patient Monitoring Forms to chase on ${dateWords(digest.date)}. Each completed esketamine ` +
        "session owes one within 7 days.",
    },
    ...section("Overdue", digest.overdue),
    ...section("Due today", digest.dueToday),
    ...section("Due tomorrow", digest.dueTomorrow),
    {
      type: "paragraph",
      text:
        "Patients appear by id only. Open each patient in the staff console to see who it is; once the " +
        "form is filed with the REMS program, a clinician records it on the appointment and it leaves this list.",
    },
    {
      type: "paragraph",
      text: `Sent once a day to ${clinic.email ?? "the clinic"}, the clinic's own address.`,
    },
  ];
  return { subject, text: renderText(blocks), html: renderHtml(subject, blocks) };
}
