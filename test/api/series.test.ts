import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
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

describe("moving a series session", () => {
  /** An IV series from Monday 7 Dec 10:00 New York: sessions at least 48 h apart, within 21 days. */
  async function ivSeries() {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const res = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const sessions = res.body.sessions as { id: string; start: string }[];
    return { api, seriesId: res.body.id as string, sessions };
  }

  /**
   * Sessions fall Mon 7, Wed 9, Fri 11, Mon 14, Wed 16, Fri 18 Dec at 10:00. Session 4 moved to 4 hours
   * after session 3 is refused; moved to Monday 08:00 (70 h after session 3, 50 h before session 5) it moves.
   */
  async function expectSpacingKept(api: Awaited<ReturnType<typeof ivSeries>>["api"], fourth: string) {
    const tooClose = await api.call("POST", `/appointments/${fourth}/reschedule`, {
      start: "2026-12-11T14:00:00-05:00",
    });
    expect(tooClose.status, JSON.stringify(tooClose.body)).toBe(422);
    expect(tooClose.body.detail).toBe("Session 4 must start at least 48 hours after session 3.");
    const fine = await api.call("POST", `/appointments/${fourth}/reschedule`, {
      start: "2026-12-14T08:00:00-05:00",
    });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect(fine.body.start).toBe("2026-12-14T13:00:00.000Z");
  }

  it("keeps the protocol's spacing to the sessions around it, read from the series summary", async () => {
    const { api, sessions } = await ivSeries();
    await expectSpacingKept(api, sessions[3]!.id);
    // Wednesday 08:00 is 48 h after where session 4 now is (46 h after where it was): the summary must
    // have followed the move for session 5 to go there.
    const fifth = await api.call("POST", `/appointments/${sessions[4]!.id}/reschedule`, {
      start: "2026-12-16T08:00:00-05:00",
    });
    expect(fifth.status, JSON.stringify(fifth.body)).toBe(200);
  });

  it("keeps it too for a series stored before the summary existed, from its sessions", async () => {
    const { api, seriesId, sessions } = await ivSeries();
    await api.table.doc.send(
      new UpdateCommand({
        TableName: api.table.tableName,
        Key: { pk: `SERIES#${seriesId}`, sk: "SERIES" },
        UpdateExpression: "REMOVE sessionIds",
      }),
    );
    await expectSpacingKept(api, sessions[3]!.id);
  });
});
