import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleViolation } from "../../shared/domain/errors.js";
import {
  attendanceRefusal,
  isRemsSession,
  owesRemsForm,
  recentSessionDates,
  recordRemsForm,
  remsFormAfterAttendance,
  remsFormDueBy,
  remsFormOf,
  remsFormStatus,
} from "../../shared/domain/rems-form.js";
import type { Appointment, AppointmentStatus, ServiceId } from "../../shared/domain/types.js";
import { at, hoursBetween, wall } from "./support.js";

const NY = "America/New_York";

/** An esketamine session of Tuesday 1 December 2026, 10:00 to 12:30 in New York, completed. */
function session(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: "appt-1",
    patientId: "pat-1",
    service: "esketamine",
    protocolId: "esketamine",
    resource: "chair",
    status: "completed",
    start: at("2026-12-01T10:00", NY),
    end: at("2026-12-01T12:30", NY),
    date: "2026-12-01",
    confirmation: "unconfirmed",
    reminders: [],
    version: 3,
    createdAt: "2026-11-20T15:00:00.000Z",
    updatedAt: "2026-12-01T17:30:00.000Z",
    ...overrides,
  };
}

describe("which sessions owe a REMS monitoring form", () => {
  it("is every completed esketamine session and esketamine booster, nothing else", () => {
    expect(owesRemsForm(session())).toBe(true);
    expect(owesRemsForm(session({ service: "booster", protocolId: "esketamine" }))).toBe(true);
    expect(isRemsSession(session({ service: "booster", protocolId: "iv-ketamine" }))).toBe(false);
    for (const service of ["iv-ketamine", "im-ketamine", "kap", "consultation", "integration"] as ServiceId[])
      expect(isRemsSession(session({ service, protocolId: undefined })), service).toBe(false);
    for (const status of ["booked", "cancelled", "no-show"] as AppointmentStatus[]) {
      expect(owesRemsForm(session({ status })), status).toBe(false);
      expect(remsFormOf(session({ status }), NY), status).toBeUndefined();
    }
  });
});

describe("when a form is due", () => {
  it("is the end of the 7th clinic-local day after the session's date", () => {
    expect(remsFormDueBy("2026-12-01", NY)).toBe("2026-12-09T04:59:59.999Z");
    expect(wall(remsFormDueBy("2026-12-01", NY), NY)).toBe("2026-12-08 Tue 23:59");
    expect(remsFormOf(session(), NY)).toEqual({
      appointmentId: "appt-1",
      patientId: "pat-1",
      sessionDate: "2026-12-01",
      dueBy: "2026-12-09T04:59:59.999Z",
    });
  });

  it("ends at local midnight across a DST change: the week is 167 or 169 hours long then", () => {
    // 2026-03-08 02:00 EST becomes 03:00 EDT: the week from 5 March loses an hour.
    const spring = remsFormDueBy("2026-03-05", NY);
    expect(wall(spring, NY)).toBe("2026-03-12 Thu 23:59");
    expect(spring).toBe("2026-03-13T03:59:59.999Z"); // EDT, UTC-4
    expect(Math.round(hoursBetween(at("2026-03-05T00:00", NY), spring))).toBe(8 * 24 - 1);
    // 2026-11-01 02:00 EDT falls back to 01:00 EST: the week from 29 October gains one.
    const autumn = remsFormDueBy("2026-10-29", NY);
    expect(wall(autumn, NY)).toBe("2026-11-05 Thu 23:59");
    expect(Math.round(hoursBetween(at("2026-10-29T00:00", NY), autumn))).toBe(8 * 24 + 1);
  });

  it("dates a late-evening session on the clinic's day, not UTC's", () => {
    // 21:00 in New York on 1 December is already 2 December in UTC.
    const late = session({ start: at("2026-12-01T21:00", NY), date: undefined });
    expect(remsFormOf(late, NY)?.sessionDate).toBe("2026-12-01");
    // A zone east of UTC: 08:00 on 2 December in Sydney is still 1 December in UTC.
    const sydney = session({ start: "2026-12-01T21:00:00.000Z", date: undefined });
    expect(remsFormOf(sydney, "Australia/Sydney")?.sessionDate).toBe("2026-12-02");
    expect(wall(remsFormOf(sydney, "Australia/Sydney")!.dueBy, "Australia/Sydney")).toBe(
      "2026-12-09 Wed 23:59",
    );
  });

  it("is due up to and including its due instant, overdue a millisecond later, submitted once recorded", () => {
    const form = remsFormOf(session(), NY)!;
    expect(remsFormStatus(form, "2026-12-02T12:00:00.000Z")).toBe("due");
    expect(remsFormStatus(form, form.dueBy)).toBe("due");
    expect(remsFormStatus(form, "2026-12-09T05:00:00.000Z")).toBe("overdue");
    expect(
      remsFormStatus({ ...form, submittedAt: "2026-12-12T15:00:00.000Z" }, "2027-01-01T00:00:00.000Z"),
    ).toBe("submitted");
  });

  it("always falls on the last millisecond of a local day, 7 days after the session's, in any zone", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "America/Santiago",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 }), (zone, offset) => {
        const date = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const dueBy = remsFormDueBy(date, zone);
        const next = new Date(Date.parse(dueBy) + 1).toISOString();
        const dayAfter = (n: number) =>
          new Date(Date.UTC(2026, 0, 1) + (offset + n) * 86_400_000).toISOString().slice(0, 10);
        const localDate = (instant: string) =>
          remsFormOf(session({ date: undefined, start: instant }), zone)?.sessionDate;
        // The due instant is still the 7th day after the session's date on the clinic's calendar; the next
        // millisecond is the 8th.
        expect(localDate(dueBy)).toBe(dayAfter(7));
        expect(localDate(next)).toBe(dayAfter(8));
      }),
      { numRuns: 300 },
    );
  });
});

describe("recording a form", () => {
  const NOW = "2026-12-03T15:00:00.000Z";
  const input = { submittedAt: "2026-12-02T14:00:00.000Z", reference: "PMF-12345" };

  it("records when it was filed, its reference, who recorded it and when, as a new version", () => {
    const decided = recordRemsForm(session(), input, "clinician-7", NOW);
    expect(decided).toEqual({
      appointment: {
        ...session(),
        remsForm: { ...input, recordedBy: "clinician-7", recordedAt: NOW },
        version: 4,
        updatedAt: NOW,
      },
    });
    if (!("appointment" in decided)) throw new Error("not recorded");
    expect(remsFormOf(decided.appointment, NY)?.submittedAt).toBe(input.submittedAt);
  });

  it("takes one only on a completed esketamine session", () => {
    const code = (a: Appointment) => {
      const decided = recordRemsForm(a, input, "c", NOW);
      return "refused" in decided ? decided.refused.code : "recorded";
    };
    expect(code(session({ service: "iv-ketamine", protocolId: "iv-ketamine" }))).toBe("not-a-rems-session");
    expect(code(session({ service: "consultation", protocolId: undefined }))).toBe("not-a-rems-session");
    expect(code(session({ status: "booked" }))).toBe("not-completed");
    expect(code(session({ status: "no-show" }))).toBe("not-completed");
    expect(code(session({ status: "cancelled" }))).toBe("not-completed");
    expect(code(session({ service: "booster", protocolId: "esketamine" }))).toBe("recorded");
  });

  it("refuses a form filed in the future or before the session started, naming submittedAt", () => {
    const violation = (submittedAt: string) => {
      try {
        recordRemsForm(session(), { submittedAt }, "c", NOW);
      } catch (error) {
        if (error instanceof RuleViolation) return [error.code, error.field];
        throw error;
      }
      return "recorded";
    };
    expect(violation("2026-12-03T15:00:00.001Z")).toEqual(["in-the-future", "submittedAt"]);
    expect(violation(NOW)).toBe("recorded");
    expect(violation(at("2026-12-01T09:59", NY))).toEqual(["before-session", "submittedAt"]);
    expect(violation(at("2026-12-01T10:00", NY))).toBe("recorded");
  });

  it("answers a repeat of the same record with the appointment unchanged, and refuses a different one", () => {
    const first = recordRemsForm(session(), input, "c", NOW);
    if (!("appointment" in first)) throw new Error("not recorded");
    const recorded = first.appointment;
    // The same instant written with another offset is the same record.
    expect(
      recordRemsForm(recorded, { ...input, submittedAt: "2026-12-02T09:00:00-05:00" }, "c", NOW),
    ).toEqual({
      unchanged: recorded,
    });
    const other = recordRemsForm(recorded, { ...input, reference: "PMF-99999" }, "c", NOW);
    expect("refused" in other && other.refused.code).toBe("rems-form-recorded");
    const noReference = recordRemsForm(recorded, { submittedAt: input.submittedAt }, "c", NOW);
    expect("refused" in noReference && noReference.refused.code).toBe("rems-form-recorded");
  });
});

describe("attendance and the form", () => {
  it("owes a form from a completed mark, and none after a correction to no-show", () => {
    expect(remsFormAfterAttendance(session(), NY)).toEqual({ owes: remsFormOf(session(), NY) });
    expect(remsFormAfterAttendance(session({ status: "no-show" }), NY)).toEqual({ owesNone: "appt-1" });
    expect(remsFormAfterAttendance(session({ service: "kap", protocolId: "kap" }), NY)).toBeUndefined();
  });

  it("keeps a session whose form is recorded completed", () => {
    const recorded = session({
      remsForm: {
        submittedAt: "2026-12-02T14:00:00.000Z",
        recordedBy: "c",
        recordedAt: "2026-12-02T15:00:00.000Z",
      },
    });
    expect(attendanceRefusal(recorded, "no-show")?.code).toBe("rems-form-recorded");
    expect(attendanceRefusal(recorded, "completed")).toBeUndefined();
    expect(attendanceRefusal(session(), "no-show")).toBeUndefined();
  });
});

describe("the default window of submitted forms", () => {
  it("is the last days up to the clinic's today", () => {
    // 02:00 UTC on 1 December is still 30 November in New York.
    expect(recentSessionDates("2026-12-01T02:00:00.000Z", NY, 31)).toEqual({
      from: "2026-10-31",
      to: "2026-11-30",
    });
  });
});
