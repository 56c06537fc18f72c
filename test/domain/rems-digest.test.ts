import { describe, expect, it } from "vitest";
import {
  DIGEST_LOOKAHEAD_MS,
  digestDate,
  isEmptyDigest,
  remsDigest,
} from "../../shared/domain/rems-digest.js";
import { type RemsForm, remsFormDueBy } from "../../shared/domain/rems-form.js";
import { at } from "./support.js";

const NY = "America/New_York";

/** The open form of a session on `sessionDate`, as the store lists it. */
const form = (id: string, sessionDate: string, zone = NY): RemsForm => ({
  appointmentId: id,
  patientId: `p-${id}`,
  sessionDate,
  dueBy: remsFormDueBy(sessionDate, zone),
});

describe("when the day's digest is due", () => {
  it("is from 07:00 on the clinic's clock, for the clinic's date", () => {
    expect(digestDate(at("2026-12-08T06:59", NY), NY)).toBeUndefined();
    expect(digestDate(at("2026-12-08T07:00", NY), NY)).toBe("2026-12-08");
    // 23:30 in New York is the next day in UTC: still the clinic's 8 December.
    expect(digestDate(at("2026-12-08T23:30", NY), NY)).toBe("2026-12-08");
    expect(digestDate("2026-12-08T21:00:00.000Z", "Australia/Sydney")).toBe("2026-12-09"); // 08:00 there
  });
});

describe("what the digest lists", () => {
  it("sorts open forms into overdue, due today and due tomorrow, each by due time; later ones wait", () => {
    const now = at("2026-12-08T07:15", NY);
    const forms = [
      form("later", "2026-12-03"), // due 10 December
      form("tomorrow", "2026-12-02"), // due by the end of 9 December
      form("today", "2026-12-01"), // due by the end of 8 December
      form("late-2", "2026-11-30"), // overdue since 8 December began
      form("late-1", "2026-11-20"),
      { ...form("filed", "2026-11-25"), submittedAt: "2026-11-26T15:00:00.000Z" },
    ];
    const digest = remsDigest(forms, now, NY);
    expect(digest.date).toBe("2026-12-08");
    expect(digest.overdue.map((f) => f.appointmentId)).toEqual(["late-1", "late-2"]);
    expect(digest.dueToday.map((f) => f.appointmentId)).toEqual(["today"]);
    expect(digest.dueTomorrow.map((f) => f.appointmentId)).toEqual(["tomorrow"]);
    expect(isEmptyDigest(digest)).toBe(false);
    expect(isEmptyDigest(remsDigest([form("later", "2026-12-03")], now, NY))).toBe(true);
  });

  it("reads tomorrow on the clinic's calendar across a DST change (a 25-hour day)", () => {
    // Saturday 31 October 2026, 07:00 EDT; Sunday 1 November has 25 hours.
    const now = at("2026-10-31T07:00", NY);
    const sundayForm = form("sunday", "2026-10-25");
    expect(sundayForm.dueBy).toBe(at("2026-11-01T23:59:59.999", NY));
    const digest = remsDigest([sundayForm, form("monday", "2026-10-26")], now, NY);
    expect(digest.dueTomorrow.map((f) => f.appointmentId)).toEqual(["sunday"]);
    // The store is asked for forms due within the lookahead: it must reach the end of that long tomorrow.
    expect(Date.parse(now) + DIGEST_LOOKAHEAD_MS).toBeGreaterThan(Date.parse(sundayForm.dueBy));
  });
});
