import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { apiHarness, eligiblePatient } from "../support/api-harness.js";

describe("booking a series", () => {
  it("a series whose fifth session cannot fit leaves nothing behind", async () => {
    // Session 5 of an IV series started on Monday 7 Dec at 10:00 falls on Tuesday 15 Dec at the earliest
    // (48 h spacing, weekends closed); closing the clinic from the 15th to the 21st leaves no day within
    // 7 days of session 4 and 21 days of the first.
    const closed = [
      "2026-12-15",
      "2026-12-16",
      "2026-12-17",
      "2026-12-18",
      "2026-12-19",
      "2026-12-21",
      "2026-12-22",
    ];
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, closedDates: closed } });
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const before = await api.allItems();
    const res = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.detail).toMatch(/Session 5 of 6/);
    expect(await api.allItems()).toEqual(before);
  });

  it("a 12-session esketamine series with all its reminders books in one go", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["esketamine"], { remsEnrolled: true });
    const res = await api.call("POST", "/series", {
      patientId,
      protocolId: "esketamine",
      start: "2026-12-07T09:00:00-05:00",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sessions).toHaveLength(12);
    const kinds = res.body.sessions.flatMap((s: { reminders: { kind: string }[] }) =>
      s.reminders.map((r) => r.kind),
    );
    expect(kinds.filter((k: string) => k === "confirmation")).toHaveLength(1);
    expect(kinds.filter((k: string) => k === "booster")).toHaveLength(1);
    expect(kinds.filter((k: string) => k === "preparation")).toHaveLength(12);
    const fetched = await api.call("GET", `/series/${res.body.id}`, undefined, { role: "clinician" });
    expect(fetched.body).toEqual(res.body);
  });

  it("refuses esketamine without REMS enrollment, and any protocol without an eligible consultation", async () => {
    const api = await apiHarness();
    const noRems = await eligiblePatient(api, ["esketamine"], { email: "norems@example.com" });
    const r1 = await api.call("POST", "/series", {
      patientId: noRems,
      protocolId: "esketamine",
      start: "2026-12-07T09:00:00-05:00",
    });
    expect(r1.status).toBe(422);
    expect(r1.body.detail).toMatch(/REMS/);
    const ivOnly = await eligiblePatient(api, ["iv-ketamine"], { email: "iv@example.com" });
    const r2 = await api.call("POST", "/series", {
      patientId: ivOnly,
      protocolId: "kap",
      start: "2026-12-07T09:00:00-05:00",
    });
    expect(r2.status).toBe(422);
    expect(r2.body.detail).toMatch(/consultation/);
    const booster = await api.call("POST", "/appointments", {
      patientId: ivOnly,
      service: "booster",
      start: "2026-12-07T09:00:00-05:00",
    });
    expect(booster.status).toBe(422);
  });

  it("cancelling a series cancels its future sessions, frees the chairs and cancels pending reminders", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, chairs: 1 } });
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status).toBe(201);
    const cancelled = await api.call("POST", `/series/${series.body.id}/cancel`, {
      reason: "patient request",
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    for (const s of cancelled.body.sessions) {
      expect(s.status).toBe("cancelled");
      expect(
        s.reminders
          .filter((r: { status: string }) => r.status === "scheduled")
          .map((r: { kind: string }) => r.kind),
      ).toEqual(s.sequence === 1 ? ["cancellation"] : []);
    }
    const again = await api.call("POST", `/series/${series.body.id}/cancel`, {});
    expect(again.status).toBe(409);
    const slots = await api.call(
      "GET",
      "/availability?service=iv-ketamine&from=2026-12-07&to=2026-12-07",
      undefined,
      {
        role: "clinician",
      },
    );
    expect(slots.body.slots.map((s: { start: string }) => s.start)).toContain("2026-12-07T15:00:00.000Z");
  });
});
