import { describe, expect, it } from "vitest";
import { ApiError } from "../../console/src/api/api-error.js";
import type { WeeklyHours } from "../../console/src/api/types.js";
import { staffNeedWords, staffWords } from "../../console/src/labels.js";
import { handOnProgress, handOnWords } from "../../console/src/pages/staff/hand-on-words.js";
import { hoursWords } from "../../console/src/pages/staff/hours-words.js";
import { rosterConflictsOf, rosterConflictWhy } from "../../console/src/pages/staff/roster-conflicts.js";
import { missingRoles, serviceNeeds } from "../../console/src/pages/staff/service-needs.js";

const NINE_TO_FIVE = [{ open: "09:00", close: "17:00" }];
const week = (days: Partial<WeeklyHours>): WeeklyHours => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
  ...days,
});

describe("who staffs a session, as the grid and the patient's record say it", () => {
  it("names each person with their role, the prescriber first", () => {
    expect(
      staffWords([
        { id: "n1", name: "Sam Ortiz", role: "nurse" },
        { id: "p1", name: "Dr Lee", role: "prescriber" },
      ]),
    ).toBe("Prescriber Dr Lee · Nurse Sam Ortiz");
    expect(staffWords(undefined)).toBe("");
  });

  it("says what a session needs of each role", () => {
    expect(staffNeedWords({ role: "nurse", sessionsAtOnce: 3 })).toBe("a nurse (up to 3 sessions at once)");
    expect(staffNeedWords({ role: "prescriber", sessionsAtOnce: "on-site" })).toBe("a prescriber on site");
    expect(staffNeedWords({ role: "therapist", sessionsAtOnce: 1 })).toBe("a therapist, one to one");
  });
});

describe("a staff member's working week in one line", () => {
  it("says the clinic's hours when they have none of their own", () => {
    expect(hoursWords(undefined)).toBe("Clinic hours");
  });

  it("runs days with the same times together and leaves days off out", () => {
    const hours = week({
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
      sat: [{ open: "08:00", close: "12:30" }],
    });
    expect(hoursWords(hours)).toBe("Mon–Wed 9:00 AM–5:00 PM · Fri 9:00 AM–5:00 PM · Sat 8:00 AM–12:30 PM");
  });

  it("lists a split day's intervals, and says when there are no hours at all", () => {
    const split = [
      { open: "08:00", close: "12:00" },
      { open: "13:00", close: "17:00" },
    ];
    expect(hoursWords(week({ thu: split }))).toBe("Thu 8:00 AM–12:00 PM, 1:00 PM–5:00 PM");
    expect(hoursWords(week({}))).toBe("No working hours");
  });
});

describe("what a refused roster change would strand", () => {
  const conflict = {
    appointmentId: "a1",
    start: "2026-12-03T15:00:00Z",
    staffId: "s1",
    reason: "staff-inactive",
  };

  it("reads the sessions from the 409, and none from other refusals", () => {
    const refused = new ApiError(409, {
      detail: "This change would leave …",
      conflicts: [conflict],
    } as never);
    expect(rosterConflictsOf(refused)).toEqual([conflict]);
    expect(rosterConflictsOf(new ApiError(409, { detail: "busy" }))).toEqual([]);
    expect(rosterConflictsOf(new Error("network"))).toEqual([]);
    // A settings conflict names no staff member: not one of these.
    const settings = new ApiError(409, {
      conflicts: [{ appointmentId: "a2", start: "x", reason: "capacity" }],
    } as never);
    expect(rosterConflictsOf(settings)).toEqual([]);
  });

  it("says why in words, with the role they hold when known", () => {
    expect(rosterConflictWhy("staff-inactive", "nurse")).toBe("they are its nurse");
    expect(rosterConflictWhy("staff-inactive")).toBe("they staff it");
    expect(rosterConflictWhy("staff-role", "prescriber")).toBe(
      "they are its prescriber, a role you are taking away",
    );
    expect(rosterConflictWhy("staff-hours", "nurse")).toBe("it falls outside their new working hours");
    expect(rosterConflictWhy("some-new-reason")).toBe("some new reason");
  });
});

describe("which sessions cannot be booked for want of a role", () => {
  const services = serviceNeeds(
    {
      serviceStaff: {
        consultation: [{ role: "prescriber", sessionsAtOnce: 1 }],
        integration: [{ role: "therapist", sessionsAtOnce: 1 }],
      },
    },
    [
      { name: "IV ketamine infusion series", staff: [{ role: "nurse", sessionsAtOnce: 3 }] },
      {
        name: "Esketamine",
        staff: [
          { role: "prescriber", sessionsAtOnce: "on-site" },
          { role: "nurse", sessionsAtOnce: 3 },
        ],
      },
    ],
  );

  it("names each role nobody active holds, with the sessions that need it", () => {
    const roster = [
      { roles: ["nurse" as const], active: true },
      { roles: ["prescriber" as const, "therapist" as const], active: false },
    ];
    expect(missingRoles(roster, services)).toEqual([
      { role: "prescriber", services: ["Consultation", "Esketamine"] },
      { role: "therapist", services: ["Integration session"] },
    ]);
  });

  it("finds nothing missing in a clinic with no staff entered: rooms alone decide there", () => {
    expect(missingRoles([], services)).toEqual([]);
  });
});

describe("handing a stranded session to someone else", () => {
  const sam = { staffId: "n1", role: "nurse" as const };
  const handed = (staff: { id: string; name: string; role: "nurse" | "prescriber" }[]) =>
    ({ handed: true, staff }) as const;

  it("names who took the person's place", () => {
    const now = handed([
      { id: "p1", name: "Dr Lee", role: "prescriber" },
      { id: "n2", name: "Ria Chen", role: "nurse" },
    ]);
    expect(handOnWords(now, sam)).toBe("Handed to Nurse Ria Chen.");
    // Without the person's role known, the session's people as they are now.
    expect(handOnWords(now, { staffId: "n1" })).toBe(
      "Handed on: now with Prescriber Dr Lee · Nurse Ria Chen.",
    );
  });

  it("says so plainly when nobody took the person's place", () => {
    expect(handOnWords(handed([]), sam)).toBe(
      "Taken off it, but nobody took their place as its nurse: check the session on Today.",
    );
    expect(handOnWords(handed([]), { staffId: "n1" })).toBe(
      "Taken off it, but the session now has nobody: check it on Today.",
    );
  });

  it("says why not, and what to do, when nobody else is free", () => {
    const error = new ApiError(409, { detail: "Every nurse working …", code: "staff-unavailable" } as never);
    expect(handOnWords({ handed: false, error }, sam)).toBe(
      "Not handed on: nobody else is free then. Reschedule or cancel it on Today.",
    );
    const started = new ApiError(409, {
      detail: "This appointment has already started.",
      code: "wrong-state",
    } as never);
    expect(handOnWords({ handed: false, error: started }, sam)).toBe(
      "Not handed on: This appointment has already started.",
    );
  });

  it("counts the sessions handed on, and says to try again once all are", () => {
    expect(handOnProgress(2, 6)).toBe("2 of 6 sessions handed on.");
    expect(handOnProgress(6, 6)).toBe("All 6 sessions handed on: try the change again.");
    expect(handOnProgress(1, 1)).toBe("The session handed on: try the change again.");
  });
});
