import { describe, expect, it } from "vitest";
import { ApiError, readableProblem } from "../../console/src/api/api-error.js";
import { patientQuery } from "../../console/src/pages/book/search-query.js";

describe("errors in words a front desk can act on", () => {
  it("keeps the API's own reason for a refused booking", () => {
    const error = new ApiError(422, { detail: "Session 5 of 6 cannot be placed: no free chair between …" });
    expect(readableProblem(error).summary).toBe("Session 5 of 6 cannot be placed: no free chair between …");
  });

  it("says who is missing and what to do when nobody can staff the time", () => {
    const detail =
      "Every nurse working 10:00-12:00 on Thu 3 Dec is already covering as many sessions as they can then (3 at once).";
    const problem = readableProblem(new ApiError(409, { detail, code: "staff-unavailable" } as never));
    expect(problem.summary).toBe(detail);
    expect(problem.next).toMatch(/^Choose another time/);
    expect(problem.next).toMatch(/add staff or change their hours on the Staff page/);
  });

  it("tells the desk to book a consultation when the patient's treatment has lapsed, saying it once", () => {
    const detail =
      "The patient's last dosing session was on Mon 31 Aug 2026, more than 90 days before Thu 3 Dec 2026: record a new consultation outcome first.";
    const error = new ApiError(422, {
      detail,
      code: "lapsed",
      errors: [{ path: "patientId", message: detail }],
    } as never);
    expect(readableProblem(error)).toEqual({
      summary: detail,
      details: [],
      next: "Book a consultation first. Once a clinician records its outcome, this booking can be made again.",
    });
  });

  it("offers no next step for a refusal without a usual way forward", () => {
    const error = new ApiError(409, { detail: "The slot was taken.", code: "capacity-taken" } as never);
    expect(readableProblem(error).next).toBeUndefined();
  });

  it("names each field at fault by its label", () => {
    const error = new ApiError(400, {
      detail: "The request does not match the schema: email, hours.mon.0.close.",
      errors: [
        { path: "email", message: "must be a single valid email address" },
        { path: "hours.mon.0.close", message: "open must be before close" },
      ],
    });
    expect(readableProblem(error)).toEqual({
      summary: "Some details need attention.",
      details: [
        "Email: must be a single valid email address",
        "hours › mon › 1 › close: open must be before close",
      ],
    });
  });

  it("says what to do when the server cannot be reached or the sign-in ended", () => {
    expect(readableProblem(new ApiError(0)).summary).toMatch(/cannot be reached/);
    expect(readableProblem(new ApiError(401)).summary).toMatch(/Sign in again/);
    expect(readableProblem(new ApiError(503)).summary).toMatch(/tell your administrator/);
  });
});

describe("a REMS form's refusals, in the console's words", () => {
  const refused = (code: string, detail: string) =>
    readableProblem(new ApiError(409, { detail, code } as never));

  it("says which sessions have a form, and that there is nothing to record otherwise", () => {
    expect(refused("not-a-rems-session", "Only an esketamine session …")).toEqual({
      summary: "Only an esketamine session (or an esketamine booster) has a REMS monitoring form.",
      details: [],
      next: "There is nothing to record for this session.",
    });
  });

  it("says to mark the session completed first", () => {
    const problem = refused("not-completed", "This session is booked; only a completed session …");
    expect(problem.summary).toBe("This session is not marked completed, so it owes no REMS monitoring form.");
    expect(problem.next).toMatch(/mark the session completed \(on Today or the Clinician page\)/);
  });

  it("says a recorded form stands, without the API's UTC instant", () => {
    const problem = refused(
      "rems-form-recorded",
      "This session's monitoring form was recorded already (submitted 2026-12-08T14:05:00.000Z).",
    );
    expect(problem.summary).toBe("This session's REMS monitoring form is already recorded.");
    expect(problem.next).toMatch(
      /^A recorded form stands as it was filed, and its session stays completed\./,
    );
    expect(JSON.stringify(problem)).not.toContain("2026-12-08T14:05");
  });

  it("names the submitted time as the field at fault when the API refuses it", () => {
    const error = new ApiError(400, { errors: [{ path: "submittedAt", message: "must have an offset" }] });
    expect(readableProblem(error).details).toEqual(["Submitted: must have an offset"]);
  });
});

describe("one search box for name, phone or email", () => {
  it("tells them apart the way a front desk types them", () => {
    expect(patientQuery("jordan.lee@example.com")).toEqual({ email: "jordan.lee@example.com" });
    expect(patientQuery("+1 (555) 123-4567")).toEqual({ phone: "+1 (555) 123-4567" });
    expect(patientQuery("555.123.4567")).toEqual({ phone: "555 123 4567" });
    expect(patientQuery("Lee, Jor")).toEqual({ name: "Lee, Jor" });
    expect(patientQuery("O'Brien")).toEqual({ name: "O'Brien" });
    expect(patientQuery("   ")).toBeUndefined();
  });
});
