/**
 * The slice of RFC 5545 our calendar attachments use: one VCALENDAR of VEVENTs with UTC times.
 * Written here rather than with the `ics` package because that package validates with `yup`, and
 * together they were 78 KB of the send-reminder bundle (budget 500 KB, bench/README.md); what we
 * write is fixed and small. test/email/icalendar.test.ts parses the output back with `ts-ics`.
 */

export interface CalendarEventLines {
  uid: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** DTSTAMP: when this version of the event was issued. */
  stamp: number;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  status: "CONFIRMED" | "CANCELLED";
  /** Grows with every change so calendars apply updates in order. */
  sequence: number;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n?|\n/g, "\\n");
}

/** Parameter values (3.2) cannot hold a double quote or a control character; quoted, they may hold `;`, `:` and `,`. */
function paramValue(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/\p{Cc}+/gu, " ")}"`;
}

/** Lines longer than 75 octets continue on lines that start with a space (3.1), never inside a character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // A continuation line's leading space counts towards its 75 octets.
    const limit = out.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** "20261201T150000Z". */
export function utcDateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function vcalendar(args: {
  productId: string;
  method: "REQUEST" | "CANCEL";
  events: CalendarEventLines[];
}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `PRODID:${args.productId}`,
    `METHOD:${args.method}`,
  ];
  for (const e of args.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${utcDateTime(e.stamp)}`,
      `DTSTART:${utcDateTime(e.start)}`,
      `DTEND:${utcDateTime(e.end)}`,
      `SEQUENCE:${e.sequence}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `LOCATION:${escapeText(e.location)}`,
      `STATUS:${e.status}`,
      `ORGANIZER;CN=${paramValue(e.organizer.name)}:MAILTO:${e.organizer.email}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join(CRLF) + CRLF;
}
