import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { remsDigest } from "../../shared/domain/rems-digest.js";
import { type RemsForm, remsFormDueBy } from "../../shared/domain/rems-form.js";
import { findForbiddenWord } from "../../shared/email/forbidden-words.js";
import { renderRemsDigest } from "../../shared/email/rems-digest-email.js";

const NY = "America/New_York";
const form = (id: string, sessionDate: string): RemsForm => ({
  appointmentId: `appt-${id}`,
  patientId: `pat-${id}`,
  sessionDate,
  dueBy: remsFormDueBy(sessionDate, NY),
});
const digest = remsDigest(
  [form("late", "2026-11-20"), form("today", "2026-12-01"), form("tomorrow", "2026-12-02")],
  "2026-12-08T12:15:00.000Z",
  NY,
);

describe("the daily digest email", () => {
  it("names the clinic's subject name and the date in its subject, and nothing about anyone's treatment", () => {
    const clinic = {
      ...DEFAULT_CLINIC,
      name: "Ketamine Wellness Center",
      subjectName: "Harbor Clinic",
      email: "desk@harbor.example",
    };
    const { subject } = renderRemsDigest(clinic, digest);
    expect(subject).toBe("Harbor Clinic: daily summary for Tuesday, 8 December 2026");
    expect(findForbiddenWord(subject)).toBeUndefined();
    // A clinic whose name reveals the treatment and has no subject name is "Your clinic".
    expect(renderRemsDigest({ ...clinic, subjectName: undefined }, digest).subject).toBe(
      "Your clinic: daily summary for Tuesday, 8 December 2026",
    );
  });

  it("lists each form by appointment and patient id, session date and due time, under its heading", () => {
    const { text, html } = renderRemsDigest({ ...DEFAULT_CLINIC, email: "desk@riverside.example" }, digest);
    expect(text).toContain("OVERDUE (1)");
    expect(text).toContain("DUE TODAY (1)");
    expect(text).toContain("DUE TOMORROW (1)");
    expect(text).toContain(
      "- Session of Fri 20 Nov, due by Friday, 27 November 2026 at 11:59 PM EST\nAppointment appt-late, patient pat-late",
    );
    expect(text.indexOf("appt-late")).toBeLessThan(text.indexOf("appt-today"));
    expect(text.indexOf("appt-today")).toBeLessThan(text.indexOf("appt-tomorrow"));
    expect(html).toContain("appt-tomorrow");
    expect(html).toContain("<h2");
  });
});
