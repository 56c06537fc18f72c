import fc from "fast-check";
import { convertIcsCalendar } from "ts-ics";
import { describe, expect, it } from "vitest";
import { fold, vcalendar } from "../../shared/email/icalendar.js";

// (ts-ics reads an empty value, and SEQUENCE:0, back as absent.) Text a clinic could type into its settings: any Unicode (emoji, accents, CJK), RFC 5545's special
// characters and line breaks. Control characters are replaced before they reach the writer.
const clinicText = fc
  .string({ unit: "grapheme", maxLength: 160 })
  .map((s) => s.replace(/[^\P{Cc}\n]/gu, " "))
  .chain((s) => fc.constantFrom(s, `${s};,\\:\n"${s}`));

const minute = 60_000;
const event = fc.record({
  uid: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((id) => `${id}@clinic-scheduler`),
  start: fc.integer({ min: 28_000_000, max: 33_000_000 }).map((m) => m * minute),
  minutes: fc.integer({ min: 15, max: 600 }),
  summary: clinicText,
  description: clinicText,
  location: clinicText,
  name: clinicText,
  sequence: fc.nat({ max: 1000 }),
  status: fc.constantFrom("CONFIRMED" as const, "CANCELLED" as const),
});

describe("iCalendar writer", () => {
  it("writes what a standard parser reads back exactly, whatever the clinic's text", () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("REQUEST" as const, "CANCEL" as const),
        (events, method) => {
          const text = vcalendar({
            productId: "-//clinic-scheduler//appointments//EN",
            method,
            events: events.map((e) => ({
              ...e,
              end: e.start + e.minutes * minute,
              stamp: e.start - 86_400_000,
              organizer: { name: e.name, email: "reminders@clinic.example" },
            })),
          });
          // Every physical line within 75 octets, CRLF-terminated (RFC 5545 3.1).
          expect(text.endsWith("\r\n")).toBe(true);
          for (const line of text.slice(0, -2).split("\r\n")) {
            expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
          }
          // Parsers are lenient, so check the grammar too: after unfolding, no bare line break anywhere,
          // and TEXT values escape `\`, `;` and `,` (3.3.11).
          const lines = text.slice(0, -2).replaceAll("\r\n ", "").split("\r\n");
          for (const line of lines) {
            expect(line).not.toMatch(/[\r\n]/);
            const value = /^(SUMMARY|DESCRIPTION|LOCATION):(.*)$/.exec(line)?.[2];
            if (value !== undefined) expect(value).toMatch(/^(?:[^\\;,]|\\[\\;,n])*$/);
          }
          const parsed = convertIcsCalendar(undefined, text);
          expect(parsed.method).toBe(method);
          expect(parsed.events).toHaveLength(events.length);
          parsed.events?.forEach((got, i) => {
            const want = events[i]!;
            expect(got.uid).toBe(want.uid);
            expect(got.start.date.getTime()).toBe(want.start);
            expect(got.end && "date" in got.end ? got.end.date.getTime() : undefined).toBe(
              want.start + want.minutes * minute,
            );
            expect(got.summary ?? "").toBe(want.summary);
            expect(got.description ?? "").toBe(want.description);
            expect(got.location ?? "").toBe(want.location);
            expect(got.sequence ?? 0).toBe(want.sequence);
            expect(got.status).toBe(want.status);
            expect(got.organizer?.email).toBe("reminders@clinic.example");
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("folds long lines between characters, never inside one", () => {
    const line = `LOCATION:${"é".repeat(40)}🙂${"x".repeat(80)}`;
    const folded = fold(line);
    expect(folded.replaceAll("\r\n ", "")).toBe(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });
});
