import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { resolveService } from "../../shared/domain/eligibility.js";
import type { Patient } from "../../shared/domain/types.js";

const patient: Patient = {
  id: "p1",
  firstName: "Ann",
  lastName: "Lee",
  email: "ann@example.com",
  timezone: "America/New_York",
  emailConsent: true,
  remsEnrolled: false,
  emailStatus: "ok",
  eligibleProtocols: [],
  version: 1,
  createdAt: "2026-11-01T00:00:00Z",
  updatedAt: "2026-11-01T00:00:00Z",
};
const refusal = (p: Patient, service: Parameters<typeof resolveService>[2]) => {
  try {
    resolveService(DEFAULT_CLINIC, p, service);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("which services a patient may have", () => {
  it("a consultation or integration session: anyone, in an office", () => {
    expect(resolveService(DEFAULT_CLINIC, patient, "consultation")).toEqual({
      service: "consultation",
      resource: "office",
      minutes: 60,
    });
  });

  it("a protocol session: after a consultation made them eligible, and REMS enrollment for esketamine", () => {
    expect(refusal(patient, "iv-ketamine")).toMatchObject({
      code: "not-eligible",
      field: "patientId",
      message: expect.stringContaining("record a completed consultation"),
    });
    const eligible = {
      ...patient,
      eligibleProtocols: ["iv-ketamine", "esketamine"] as Patient["eligibleProtocols"],
    };
    expect(resolveService(DEFAULT_CLINIC, eligible, "iv-ketamine")).toMatchObject({
      resource: "chair",
      minutes: 120,
      protocol: { id: "iv-ketamine" },
    });
    expect(refusal(eligible, "esketamine")).toMatchObject({ message: expect.stringContaining("REMS") });
    expect(resolveService(DEFAULT_CLINIC, { ...eligible, remsEnrolled: true }, "esketamine").minutes).toBe(
      150,
    );
  });

  it("a booster: continues the patient's last series, under its protocol's rules", () => {
    expect(refusal(patient, "booster")).toMatchObject({ code: "not-eligible", field: "service" });
    const after = {
      ...patient,
      eligibleProtocols: ["kap"] as Patient["eligibleProtocols"],
      lastSeriesProtocolId: "kap" as const,
    };
    expect(resolveService(DEFAULT_CLINIC, after, "booster")).toMatchObject({
      resource: "chair",
      minutes: 120,
      protocol: { id: "kap" },
    });
    expect(refusal({ ...after, eligibleProtocols: [] }, "booster")).toMatchObject({ field: "service" });
  });
});
