import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import { REMINDER_KINDS, SERVICE_IDS } from "../../shared/domain/types.js";
import {
  assertSafeSubject,
  type EmailInput,
  FORBIDDEN_SUBJECT_WORDS,
  findForbiddenWord,
  renderEmail,
} from "../../shared/email/index.js";
import { clinic, icsEvents, icsLines } from "./email-fixtures.js";

// Every tag the templates write; any other "<" in the HTML came from input unescaped.
const OUR_TAG =
  /^<(?:!doctype html|\/?(?:html|head|meta|title|body|div|p|br|h2|ul|ol|li|table|tr|th|td|a))[\s>]/i;
const MARKER = "<zz";

const hostile = fc.constantFrom(
  MARKER,
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "\r\nBcc: victim@example.com",
  "&amp;",
  "'",
  ...FORBIDDEN_SUBJECT_WORDS,
  "KETAMINE",
  "Ketamíne",
  "keta\u200Bmine",
  "Spravato®",
);
const text = fc
  .array(fc.oneof(fc.string(), fc.string({ unit: "binary" }), hostile), { maxLength: 6 })
  .map((parts) => parts.join(" "));
const nonEmpty = text.map((t) => `${t} x`);

const protocol = fc
  .record({
    base: fc.constantFrom(...Object.values(DEFAULT_PROTOCOLS)),
    name: text,
    patientLabel: text,
    solid: fc.integer({ min: 0, max: 48 }),
    liquids: fc.integer({ min: 0, max: 48 }),
    liquidsKind: fc.constantFrom("clear" as const, "any" as const),
    bring: fc.array(text, { maxLength: 3 }),
    notes: fc.array(text, { maxLength: 3 }),
  })
  .map(({ base, name, patientLabel, solid, liquids, liquidsKind, bring, notes }) => ({
    ...base,
    name,
    patientLabel,
    fasting: { solidFoodHours: solid / 4, liquidsHours: liquids / 4, liquidsKind },
    instructions: { bring, notes },
  }));

const quarterHour = fc.integer({ min: 0, max: 4 * 24 * 365 * 2 }).map(
  (q) =>
    DateTime.fromISO("2026-01-01T00:00:00Z", { zone: "utc" })
      .plus({ minutes: 15 * q })
      .toISO()!,
);

const input: fc.Arbitrary<EmailInput> = fc
  .record({
    kind: fc.constantFrom(...REMINDER_KINDS),
    name: nonEmpty,
    address: nonEmpty,
    phone: nonEmpty,
    timezone: fc.constantFrom("America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"),
    arrival: fc.integer({ min: 0, max: 120 }),
    firstName: text,
    service: fc.constantFrom(...SERVICE_IDS),
    protocol: fc.option(protocol, { nil: undefined }),
    starts: fc.array(quarterHour, { minLength: 1, maxLength: 12 }),
    previousStart: fc.option(quarterHour, { nil: undefined }),
    unsubscribeUrl: fc.option(fc.oneof(fc.webUrl({ withQueryParameters: true }), text), { nil: undefined }),
    icsSequence: fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
  })
  .map((r) => {
    const sessions = r.starts.map((start, i) => ({
      id: `apt_${i}`,
      start,
      end: DateTime.fromISO(start, { zone: "utc" }).plus({ hours: 2 }).toISO()!,
      sequence: i + 1,
    }));
    const firstSession = sessions[0]!;
    return {
      kind: r.kind,
      clinic: {
        ...clinic,
        name: r.name,
        address: r.address,
        phone: r.phone,
        timezone: r.timezone,
        arrivalMinutesBefore: r.arrival,
      },
      patient: { firstName: r.firstName },
      appointment: {
        id: firstSession.id,
        service: r.service,
        start: firstSession.start,
        end: firstSession.end,
      },
      protocol: r.protocol,
      sessions: sessions.length > 1 ? sessions : undefined,
      previousStart: r.previousStart,
      unsubscribeUrl: r.unsubscribeUrl,
      icsSequence: r.icsSequence,
    };
  });

describe("renderEmail for any clinic, patient, protocol and kind", () => {
  it("never names a forbidden word in the subject, which stays one line", () => {
    fc.assert(
      fc.property(input, (email) => {
        const { subject } = renderEmail(email);
        expect(findForbiddenWord(subject)).toBeUndefined();
        expect(subject).not.toMatch(/[\r\n]/);
        expect(() => assertSafeSubject(subject)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a '<' from input into the HTML unescaped", () => {
    fc.assert(
      fc.property(input, (email) => {
        const { html } = renderEmail(email);
        expect(html).not.toContain(MARKER);
        for (const match of html.matchAll(/</g)) {
          expect(html.slice(match.index, match.index + 16)).toMatch(OUR_TAG);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("attaches a well-formed calendar file, one event per appointment, that clinic text cannot add lines to", () => {
    fc.assert(
      fc.property(input, (email) => {
        const rendered = renderEmail(email);
        for (const attachment of rendered.attachments) {
          const events = icsEvents(attachment.content);
          const expected = email.kind === "reschedule" ? 1 : (email.sessions?.length ?? 1);
          expect(events).toHaveLength(expected);
          // A line break in clinic text must not start a property of its own.
          for (const line of icsLines(attachment.content)) expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("forbidden words", () => {
  it.each([
    "Ketamine clinic",
    "ESKETAMINE",
    "Spravato",
    "your infusion",
    "KAP session",
    "REMS",
    "psychotherapy",
    "depression",
    "Ketamíne",
    "keta\u200Bmine",
  ])("finds %s", (subject) => {
    expect(findForbiddenWord(subject)).toBeDefined();
    expect(() => assertSafeSubject(subject)).toThrow();
  });

  it.each(["Kaplan Family Practice", "Riverside Wellness Clinic", "Remsen Street Clinic", "Tue 1 Dec"])(
    "leaves %s alone",
    (subject) => {
      expect(findForbiddenWord(subject)).toBeUndefined();
    },
  );

  it("refuses a subject that would break the header into two", () => {
    expect(() => assertSafeSubject("Clinic: hello\r\nBcc: someone@example.com")).toThrow();
  });
});
