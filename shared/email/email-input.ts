import type { Clinic } from "../domain/clinic.js";
import type { Protocol } from "../domain/protocol.js";
import type { NoticeVariant, ReminderKind, ServiceId } from "../domain/types.js";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
  /** For the List-Unsubscribe header (booster invitations only). */
  listUnsubscribeUrl?: string;
}

export interface EmailSession {
  id: string;
  start: string;
  end: string;
  sequence: number;
}

export interface EmailInput {
  kind: ReminderKind;
  clinic: Clinic;
  /** Only the first name: nothing else about the patient belongs in an email. */
  patient: { firstName: string };
  appointment: { id: string; service: ServiceId; start: string; end: string; sequence?: number };
  /** The chair session's protocol; for a booster, the protocol it boosts. Looked up from the clinic when omitted for a protocol session. */
  protocol?: Protocol;
  /** A series confirmation (or series cancellation) lists all of them; its .ics holds them all. */
  sessions?: EmailSession[];
  /** Reschedule notice: the old start. */
  previousStart?: string;
  /** A cancellation notice worded for its cause: a clinic closure says the clinic will call. */
  notice?: NoticeVariant;
  /**
   * Confirm and Cancel links for this one appointment (a single confirmation, a day-before reminder):
   * signed, expiring, naming no one. http or https only.
   */
  answerLinks?: { confirm: string; cancel: string };
  /** Booster invitations: a link that stops further invitations (http or https only). */
  unsubscribeUrl?: string;
  /** iCalendar SEQUENCE (the appointment's version), so calendars apply updates in order. */
  icsSequence?: number;
  /** When the email is issued (the injected clock's now), for the calendar's DTSTAMP. */
  issuedAt?: string;
  /** The sending address, named as the calendar event's organizer. */
  organizerEmail?: string;
}
