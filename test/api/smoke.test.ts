import { describe, expect, it } from "vitest";
import { apiHarness, eligiblePatient } from "../support/api-harness.js";

describe("a front desk's first morning", () => {
  it("creates a patient, clears a consultation, books an IV series and sees it in the agenda", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status, JSON.stringify(series.body)).toBe(201);
    expect(series.body.sessions).toHaveLength(6);
    const agenda = await api.call("GET", "/appointments?from=2026-12-07&to=2026-12-31", undefined, {
      role: "clinician",
    });
    expect(agenda.status).toBe(200);
    expect(agenda.body.appointments.map((a: { id: string }) => a.id)).toEqual(
      series.body.sessions.map((s: { id: string }) => s.id),
    );
  });
});
