import { describe, expect, it } from "vitest";
import type { RemsForm } from "../../console/src/api/types.js";
import {
  dueWords,
  isRemsSession,
  openFormsInOrder,
  recordedWords,
  remsStanding,
} from "../../console/src/pages/clinician/rems-words.js";

const NY = "America/New_York";
const form = (appointmentId: string, status: RemsForm["status"], dueBy: string): RemsForm => ({
  appointmentId,
  patientId: "p1",
  sessionDate: "2026-11-30",
  dueBy,
  status,
});
// The end of Monday 7 December in New York, as the API gives it.
const DEC_7 = "2026-12-08T04:59:59.999Z";

describe("REMS monitoring forms, as a clinician reads them", () => {
  it("lists overdue forms first, then due ones, each oldest due first", () => {
    const { overdue, due } = openFormsInOrder([
      form("d2", "due", "2026-12-11T04:59:59.999Z"),
      form("o2", "overdue", "2026-12-05T04:59:59.999Z"),
      form("d1", "due", "2026-12-09T04:59:59.999Z"),
      form("o1", "overdue", "2026-12-01T04:59:59.999Z"),
    ]);
    expect(overdue.map((f) => f.appointmentId)).toEqual(["o1", "o2"]);
    expect(due.map((f) => f.appointmentId)).toEqual(["d1", "d2"]);
  });

  it("says by when, on the clinic's clock", () => {
    expect(dueWords({ dueBy: DEC_7, status: "due" }, NY)).toBe("due by Mon, Dec 7, 2026, 11:59 PM EST");
    expect(dueWords({ dueBy: DEC_7, status: "overdue" }, NY)).toBe(
      "was due by Mon, Dec 7, 2026, 11:59 PM EST",
    );
  });

  it("reads back what was recorded, with the reference only when there is one", () => {
    expect(
      recordedWords("Okafor, Jamie", "2026-11-30", { submittedAt: "2026-12-08T14:05:00.000Z" }, NY),
    ).toBe(
      "Recorded: the REMS form for Okafor, Jamie's session of Mon, Nov 30, submitted Tue, Dec 8, 2026, 9:05 AM EST.",
    );
    expect(
      recordedWords(
        "Okafor, Jamie",
        "2026-11-30",
        { submittedAt: "2026-12-08T14:05:00.000Z", reference: "PMF-1234" },
        NY,
      ),
    ).toMatch(/9:05 AM EST \(reference PMF-1234\)\.$/);
  });

  it("knows esketamine sessions and esketamine boosters, and nothing else", () => {
    expect(isRemsSession({ service: "esketamine" })).toBe(true);
    expect(isRemsSession({ service: "booster", protocolId: "esketamine" })).toBe(true);
    expect(isRemsSession({ service: "booster", protocolId: "iv-ketamine" })).toBe(false);
    expect(isRemsSession({ service: "iv-ketamine" })).toBe(false);
  });
});

describe("a session's REMS form on the patient's record", () => {
  const session = {
    id: "a1",
    service: "esketamine" as const,
    status: "completed" as const,
  };
  const open = new Map([["a1", form("a1", "overdue", DEC_7)]]);

  it("shows a submitted form with when and the program's reference", () => {
    const submitted = {
      ...session,
      remsForm: {
        submittedAt: "2026-12-08T14:05:00.000Z",
        reference: "PMF-1234",
        recordedBy: "u1",
        recordedAt: "2026-12-08T14:06:00.000Z",
      },
    };
    expect(remsStanding(submitted, open, NY)).toEqual({
      status: "submitted",
      badge: "REMS form submitted",
      line: "REMS form submitted Tue, Dec 8, 2026, 9:05 AM EST · reference PMF-1234",
    });
  });

  it("shows an open form as the clinic's listing has it", () => {
    expect(remsStanding(session, open, NY)).toEqual({
      status: "overdue",
      badge: "REMS form overdue",
      line: "REMS form was due by Mon, Dec 7, 2026, 11:59 PM EST",
    });
  });

  it("shows a form the listing does not have yet as due, without a date", () => {
    expect(remsStanding(session, new Map(), NY)).toEqual({
      status: "due",
      badge: "REMS form due",
      line: "REMS form to record",
    });
  });

  it("shows nothing for a session that owes no form", () => {
    expect(remsStanding({ ...session, status: "booked" }, open, NY)).toBeUndefined();
    expect(remsStanding({ ...session, status: "no-show" }, open, NY)).toBeUndefined();
    expect(remsStanding({ ...session, service: "iv-ketamine" }, open, NY)).toBeUndefined();
  });
});
