import type { Clinic } from "../domain/clinic.js";
import { instantMs } from "../domain/wall-clock.js";
import type { EmailAttachment } from "./email-input.js";
import { vcalendar } from "./icalendar.js";
import { oneLine, publicClinicName } from "./subject-line.js";

export interface CalendarEvent {
  appointmentId: string;
  start: string;
  end: string;
}

export interface CalendarFileArgs {
  clinic: Clinic;
  events: CalendarEvent[];
  method: "REQUEST" | "CANCEL";
  /** Must grow with every change so calendars apply updates (and cancellations) in order. */
  sequence: number;
  /** DTSTAMP; falls back to the first event's start so the output stays a pure function of the input. */
  issuedAt?: string;
  organizerEmail?: string;
}

const PRODUCT_ID = "-//clinic-scheduler//appointments//EN";
// RFC 5545 needs an address after ORGANIZER; .invalid never resolves, so nothing is ever sent there.
const FALLBACK_ORGANIZER = "no-reply@clinic-scheduler.invalid";

/** Stable per appointment: an update or a cancellation must name the event the patient already has. */
export function calendarUid(appointmentId: string): string {
  return `${appointmentId}@clinic-scheduler`;
}

// A quote ends the CN parameter early and a raw control character breaks the line structure.
const paramSafe = (text: string) => oneLine(text).replace(/"/g, "'");
const textSafe = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[^\P{Cc}\n]/gu, " ");

/** An .ics attachment: neutral title, the clinic's address, times in UTC. */
export function calendarFile(args: CalendarFileArgs): EmailAttachment {
  const { clinic, method } = args;
  const first = args.events[0];
  if (!first) throw new RangeError("a calendar file needs at least one event");
  const name = paramSafe(publicClinicName(clinic));
  const stamp = instantMs(args.issuedAt ?? first.start);
  const content = vcalendar({
    productId: PRODUCT_ID,
    method,
    events: args.events.map((e) => ({
      uid: calendarUid(e.appointmentId),
      start: instantMs(e.start),
      end: instantMs(e.end),
      stamp,
      summary: `Appointment at ${name}`,
      description: textSafe(`To cancel or change this appointment, please call ${clinic.phone}.`),
      location: textSafe(clinic.address),
      organizer: { name, email: args.organizerEmail ?? FALLBACK_ORGANIZER },
      status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
      sequence: args.sequence,
    })),
  });
  return {
    filename: method === "CANCEL" ? "cancelled.ics" : "appointment.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
  };
}
