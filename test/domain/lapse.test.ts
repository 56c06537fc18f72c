import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { resolveService } from "../../shared/domain/eligibility.js";
import {
  type DosingHistory,
  isDosingService,
  lapseProblem,
  lastDosingAfterCompleted,
  lastDosingAfterCorrection,
} from "../../shared/domain/lapse.js";
import type { Patient, ServiceId } from "../../shared/domain/types.js";
import { at, clinicWith } from "./support.js";

const NY = "America/New_York";
const SYDNEY = "Australia/Sydney";

/** Whether a dosing session starting at the clinic-local time `local` is refused; the clinic's zone and lapse as given. */
function lapsed(history: DosingHistory, local: string, clinic: { zone?: string; lapseDays?: number } = {}) {
  const zone = clinic.zone ?? NY;
  return (
    lapseProblem({ timezone: zone, lapseDays: clinic.lapseDays ?? 90 }, history, at(local, zone)) !==
    undefined
  );
}

const patient: Patient = {
  id: "p1",
  firstName: "Ann",
  lastName: "Lee",
  email: "ann@example.com",
  timezone: NY,
  emailConsent: true,
  remsEnrolled: false,
  emailStatus: "ok",
  eligibleProtocols: ["iv-ketamine"],
  lastSeriesProtocolId: "iv-ketamine",
  version: 3,
  createdAt: "2026-06-01T00:00:00Z",
  updatedAt: "2026-09-01T00:00:00Z",
};
const dosed = (lastDosingOn: string, eligibilityRecordedAt = "2026-06-15T15:00:00Z"): Patient => ({
  ...patient,
  lastDosingOn,
  eligibilityRecordedAt,
});
const refusal = (p: Patient, service: ServiceId, start?: string) => {
  try {
    resolveService(DEFAULT_CLINIC, p, service, start);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("the lapse rule", () => {
  it("leaves a patient who has never completed a dosing session alone", () => {
    expect(lapsed({}, "2027-12-01T10:00")).toBe(false);
    expect(lapsed({ eligibilityRecordedAt: "2025-01-01T15:00:00Z" }, "2027-12-01T10:00")).toBe(false);
  });

  // Exactly lapseDays after the last dose still books; one calendar day more does not, whatever the hour.
  describe.each([
    ["New York, no clock change", NY, "2026-09-01", "2026-11-30", "2026-12-01"],
    ["New York, across the November fall-back", NY, "2026-08-20", "2026-11-18", "2026-11-19"],
    ["New York, across the March spring-forward", NY, "2027-01-05", "2027-04-05", "2027-04-06"],
    ["New York, the limit on the fall-back day itself", NY, "2026-08-03", "2026-11-01", "2026-11-02"],
    ["New York, the limit on the spring-forward day itself", NY, "2026-12-14", "2027-03-14", "2027-03-15"],
    ["Sydney, across the April fall-back", SYDNEY, "2027-02-01", "2027-05-02", "2027-05-03"],
    ["Sydney, across the October spring-forward", SYDNEY, "2027-08-01", "2027-10-30", "2027-10-31"],
  ])("%s", (_, zone, last, lastAllowed, firstRefused) => {
    it.each(["00:00", "08:00", "23:45"])(
      `at %s: ${lastAllowed} books, ${firstRefused} needs an outcome`,
      (time) => {
        expect(lapsed({ lastDosingOn: last }, `${lastAllowed}T${time}`, { zone })).toBe(false);
        expect(lapsed({ lastDosingOn: last }, `${firstRefused}T${time}`, { zone })).toBe(true);
      },
    );
  });

  it("counts the clinic's calendar, not UTC's: 20:00 in New York is already tomorrow in UTC", () => {
    // 30 Nov 20:00 EST is 1 Dec 01:00 UTC: 91 days after 1 Sep by UTC's calendar, 90 by the clinic's.
    expect(lapsed({ lastDosingOn: "2026-09-01" }, "2026-11-30T20:00")).toBe(false);
    expect(lapsed({ lastDosingOn: "2026-09-01" }, "2026-12-01T08:00")).toBe(true);
  });

  it("applies the clinic's own number", () => {
    expect(lapsed({ lastDosingOn: "2026-09-01" }, "2026-10-01T10:00", { lapseDays: 30 })).toBe(false);
    expect(lapsed({ lastDosingOn: "2026-09-01" }, "2026-10-02T10:00", { lapseDays: 30 })).toBe(true);
    expect(lapsed({ lastDosingOn: "2026-09-01" }, "2027-08-31T10:00", { lapseDays: 365 })).toBe(false);
  });

  describe.each([
    ["before the last dose", "2026-08-25T15:00:00Z", true],
    ["on the day of the last dose", "2026-09-01T20:00:00Z", true],
    // 22:00 in New York on 1 Sep, though UTC has reached 2 Sep: still the day of the dose.
    ["late on the day of the last dose, by the clinic's clock", "2026-09-02T02:00:00Z", true],
    ["the day after the last dose", "2026-09-02T13:00:00Z", false],
    ["after the lapse began", "2026-12-10T15:00:00Z", false],
  ])("a consultation outcome recorded %s", (_, recordedAt, stillLapsed) => {
    it(stillLapsed ? "does not lift the lapse" : "lifts the lapse", () => {
      const history = { lastDosingOn: "2026-09-01", eligibilityRecordedAt: recordedAt };
      expect(lapsed(history, "2026-12-14T10:00")).toBe(stillLapsed);
    });
  });

  it("says when the last dose was, the limit and what to do", () => {
    const problem = lapseProblem(DEFAULT_CLINIC, { lastDosingOn: "2026-09-01" }, at("2026-12-14T10:00", NY));
    expect(problem).toBe(
      "The patient's last dosing session was on Tue 1 Sep 2026, more than 90 days before Mon 14 Dec 2026: record a new consultation outcome first.",
    );
  });
});

describe("where the rule applies: the booking of a new dosing session", () => {
  const lapsedPatient = dosed("2026-09-01");
  const december = at("2026-12-14T10:00", NY);

  it.each<ServiceId>(["booster", "iv-ketamine"])(
    "%s: refused with 422 `lapsed`, naming the patient",
    (service) => {
      expect(refusal(lapsedPatient, service, december)).toMatchObject({
        code: "lapsed",
        field: "patientId",
        message: expect.stringContaining("record a new consultation outcome first"),
      });
    },
  );

  it("books again once a consultation outcome is recorded after the last dose", () => {
    const reassessed = dosed("2026-09-01", "2026-12-10T15:00:00Z");
    expect(refusal(reassessed, "booster", december)).toBeUndefined();
    expect(refusal(reassessed, "iv-ketamine", december)).toBeUndefined();
  });

  it("within lapseDays, books as before", () => {
    expect(refusal(lapsedPatient, "booster", at("2026-11-30T10:00", NY))).toBeUndefined();
  });

  it("does not touch consultations and integration sessions, which give no drug", () => {
    expect(refusal(lapsedPatient, "consultation", december)).toBeUndefined();
    expect(refusal(lapsedPatient, "integration", december)).toBeUndefined();
  });

  it("is not checked without a booking start (a session already in a plan)", () => {
    expect(refusal(lapsedPatient, "booster")).toBeUndefined();
  });

  it("comes after eligibility: a patient not eligible hears that first", () => {
    expect(refusal({ ...lapsedPatient, eligibleProtocols: [] }, "iv-ketamine", december)).toMatchObject({
      code: "not-eligible",
    });
  });

  it("uses the clinic's lapseDays", () => {
    const patient = dosed("2026-09-01");
    const clinic = clinicWith({ lapseDays: 120 });
    expect(() => resolveService(clinic, patient, "booster", december)).not.toThrow();
  });
});

describe("what counts as a dose, and the last one", () => {
  it.each<[ServiceId, boolean]>([
    ["iv-ketamine", true],
    ["im-ketamine", true],
    ["esketamine", true],
    ["kap", true],
    ["booster", true],
    ["consultation", false],
    ["integration", false],
  ])("%s is a dosing session: %s", (service, dosing) => {
    expect(isDosingService(service)).toBe(dosing);
  });

  it.each([
    ["the first completed session sets it", undefined, "2026-09-01", "2026-09-01"],
    ["a later session moves it forward", "2026-09-01", "2026-09-15", "2026-09-15"],
    ["an older session marked late leaves it", "2026-09-15", "2026-09-01", "2026-09-15"],
    ["a second session the same day leaves it", "2026-09-15", "2026-09-15", "2026-09-15"],
  ])("completed: %s", (_, before, sessionDate, after) => {
    expect(lastDosingAfterCompleted(before, sessionDate)).toBe(after);
  });

  it.each([
    [
      "of the last session hands it to the latest other",
      "2026-09-15",
      "2026-09-15",
      ["2026-09-01", "2026-09-08"],
      "2026-09-08",
    ],
    ["of an older session leaves it", "2026-09-15", "2026-09-01", ["2026-09-15"], "2026-09-15"],
    ["with another session the same day leaves it", "2026-09-15", "2026-09-15", ["2026-09-15"], "2026-09-15"],
    [
      "of the only session keeps it (errs towards asking again)",
      "2026-09-15",
      "2026-09-15",
      [],
      "2026-09-15",
    ],
    ["on a patient with none leaves none", undefined, "2026-09-15", [], undefined],
  ])("a completed mark corrected to a no-show %s", (_, before, sessionDate, others, after) => {
    expect(lastDosingAfterCorrection(before, sessionDate, others)).toBe(after);
  });
});
