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
