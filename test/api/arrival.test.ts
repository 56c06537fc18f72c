import { describe, expect, it } from "vitest";
import { apiHarness, eligiblePatient, MONDAY_MORNING, newPatient } from "../support/api-harness.js";

// Monday 30 November 2026: the clinic opens at 08:00 New York time and asks patients to come 15 minutes early.
const AT_EIGHT = "2026-11-30T13:00:00.000Z";
const QUARTER_PAST = "2026-11-30T13:15:00.000Z";

describe("no slot whose arrival time has passed", () => {
  it("is offered or booked at opening time, nor one starting this very minute", async () => {
    const api = await apiHarness({ now: MONDAY_MORNING });
    const slots = await api.call("GET", "/availability?service=consultation&from=2026-11-30&to=2026-11-30");
    const starts = slots.body.slots.map((s: { start: string }) => s.start);
    expect(starts).not.toContain(AT_EIGHT);
    expect(starts[0]).toBe(QUARTER_PAST);

    const patient = await api.call("POST", "/patients", newPatient());
    const before = await api.allItems();
    const now = await api.call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start: AT_EIGHT,
    });
    expect(now.status).toBe(422);
    expect(now.body.code).toBe("arrival-passed");
    expect(now.body.errors).toEqual([
      { path: "start", message: expect.stringContaining("arrive 15 minutes before") },
    ]);
    expect(now.body.detail).toContain("07:45");
    expect(await api.allItems()).toEqual(before);
    const next = await api.call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start: QUARTER_PAST,
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
  });

  it("is offered before opening either: at 07:50, 08:00 is too soon and 08:15 is not", async () => {
    const api = await apiHarness({ now: "2026-11-30T12:50:00.000Z" });
    const slots = await api.call("GET", "/availability?service=consultation&from=2026-11-30&to=2026-11-30");
    expect(slots.body.slots[0].start).toBe(QUARTER_PAST);
  });

  it("holds for the first session of a series and for a move", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const booked = await api.call("POST", "/appointments", {
      patientId,
      service: "iv-ketamine",
      start: "2026-12-01T10:00:00-05:00",
    });
    expect(booked.status).toBe(201);
    api.clock.set("2026-12-02T14:50:00Z"); // Wednesday 09:50
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-02T10:00:00-05:00",
    });
    expect(series.status).toBe(422);
    expect(series.body.code).toBe("arrival-passed");
    const moved = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-12-02T10:00:00-05:00",
    });
    expect(moved.status).toBe(409); // it already took place on Tuesday: nothing to move
    api.clock.set("2026-11-30T14:50:00Z"); // back to Monday 09:50, before the booking's own day
    const tooSoon = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-11-30T10:00:00-05:00",
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.code).toBe("arrival-passed");
  });
});
