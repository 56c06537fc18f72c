import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import { REMINDER_KINDS } from "../../shared/domain/types.js";
import { type EmailInput, findForbiddenWord, renderEmail } from "../../shared/email/index.js";
import { clinic, icsValues, patient } from "./email-fixtures.js";

const base: EmailInput = {
  kind: "confirmation",
  clinic,
  patient,
  appointment: {
    id: "apt_1",
    service: "iv-ketamine",
    start: "2026-12-07T15:00:00Z",
    end: "2026-12-07T17:00:00Z",
  },
  protocol: DEFAULT_PROTOCOLS["iv-ketamine"],
};

/** What stands before an email is opened: the subject and the calendar event's title and organizer. */
function outside(input: EmailInput) {
  const email = renderEmail(input);
  const ics = email.attachments.map((a) => a.content).join("\n");
  return { subject: email.subject, titles: [...icsValues(ics, "SUMMARY"), ...icsValues(ics, "ORGANIZER")] };
}

describe("the name on subjects and calendar titles", () => {
  it('is "Your clinic" for "Ketamin Klinik Berlin", in every kind of email and its calendar file', () => {
    for (const kind of REMINDER_KINDS) {
      const { subject, titles } = outside({
        ...base,
        kind,
        clinic: { ...clinic, name: "Ketamin Klinik Berlin" },
      });
      expect(subject, kind).toMatch(/^Your clinic: /);
      for (const text of [subject, ...titles]) {
        expect(text).not.toMatch(/ketamin/i);
        expect(findForbiddenWord(text)).toBeUndefined();
      }
    }
  });

  it("is the clinic's subjectName when it has one", () => {
    const named = { ...clinic, name: "Springfield Ketamine Infusion Center", subjectName: "Harbor Wellness" };
    const { subject, titles } = outside({ ...base, clinic: named });
    expect(subject).toMatch(/^Harbor Wellness: appointment confirmed/);
    expect(titles.join(" ")).toContain("Appointment at Harbor Wellness");
    expect(titles.join(" ")).not.toMatch(/ketamine|infusion/i);
  });

  it('falls back to the name, then to "Your clinic", when a stored subjectName reads as a term', () => {
    const stale = { ...clinic, name: "Harbor Wellness", subjectName: "Кetamine Care" };
    expect(outside({ ...base, clinic: stale }).subject).toMatch(/^Harbor Wellness: /);
    const both = { ...clinic, name: "K3tamine Klinik", subjectName: "Ket-amine Care" };
    expect(outside({ ...base, clinic: both }).subject).toMatch(/^Your clinic: /);
  });
});
