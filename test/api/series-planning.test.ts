import { describe, expect, it } from "vitest";
import { datesBetween } from "../../shared/domain/calendar.js";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

const HOUR = 3_600_000;
const ivSeriesFrom = (patientId: string, start = "2026-12-07T10:00:00-05:00") => ({
  patientId,
  protocolId: "iv-ketamine",
  start,
});

describe("POST /series/preview", () => {
  it("answers the sessions POST /series then books, and writes nothing", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const before = await api.allItems();
    const preview = await api.call("POST", "/series/preview", ivSeriesFrom(patientId));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(await api.allItems()).toEqual(before);
    expect(preview.body.sessions.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6]);

    const booked = await api.call("POST", "/series", ivSeriesFrom(patientId));
    expect(booked.status).toBe(201);
    expect(preview.body.sessions).toEqual(
      booked.body.sessions.map((s: { sequence: number; start: string; end: string }) => ({
        sequence: s.sequence,
        start: s.start,
        end: s.end,
      })),
    );
  });

  it("gives the very refusal POST /series gives, and writes nothing either way", async () => {
    // Closed from the 15th to the 22nd (Sunday is closed anyway): session 5 has nowhere to go.
    const closed = datesBetween("2026-12-15", "2026-12-22").filter((d) => d !== "2026-12-20");
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, closedDates: closed } });
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const stranger = (await api.call("POST", "/patients", newPatient({ email: "s@x.org" }))).body.id;
    const before = await api.allItems();
    for (const body of [
      ivSeriesFrom(patientId),
      ivSeriesFrom(stranger),
      ivSeriesFrom("nobody"),
      ivSeriesFrom(patientId, "2026-12-07T10:10:00-05:00"),
    ]) {
      const preview = await api.call("POST", "/series/preview", body);
      const booking = await api.call("POST", "/series", body);
      expect(preview.status).toBeGreaterThanOrEqual(400);
      expect({ status: preview.status, body: preview.body }).toEqual({
        status: booking.status,
        body: booking.body,
      });
    }
    const refusal = await api.call("POST", "/series/preview", ivSeriesFrom(patientId));
    expect(refusal.status).toBe(422);
    expect(refusal.body.detail).toMatch(/^Session 5 of 6 cannot be placed/);
    expect(await api.allItems()).toEqual(before);
  });

  it("is for staff: a clinician may not", async () => {
    const api = await apiHarness();
    const res = await api.call("POST", "/series/preview", ivSeriesFrom("p1"), { role: "clinician" });
    expect(res.status).toBe(403);
  });
});

describe("GET /availability?forAppointment=: where a series session can move", () => {
  /** One chair; an IV series Mon 7, Wed 9, Fri 11, Mon 14, Wed 16, Fri 18 December at 10:00. */
  async function series(api: ApiHarness) {
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const res = await api.call("POST", "/series", ivSeriesFrom(patientId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.sessions as { id: string; start: string; end: string }[];
  }
  const startsOf = (res: { body: { slots: { start: string }[] } }) => res.body.slots.map((s) => s.start);

  it("offers only starts that keep the spacing to both neighbours, its own time included", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, chairs: 1 } });
    const sessions = await series(api);
    const fourth = sessions[3]!;
    const range = "from=2026-12-10&to=2026-12-17";

    // The service's own availability offers times a move of session 4 would be refused (the defect).
    const plain = startsOf(await api.call("GET", `/availability?service=iv-ketamine&${range}`));
    const refused = plain.find((s) => s.startsWith("2026-12-11T19"))!; // Friday 14:00, 4 h after session 3
    const tried = await api.call("POST", `/appointments/${fourth.id}/reschedule`, { start: refused });
    expect(tried.status).toBe(422);
    expect(plain).not.toContain(fourth.start); // its own chair is taken, by itself

    const res = await api.call("GET", `/availability?forAppointment=${fourth.id}&${range}`, undefined, {
      role: "clinician",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // At least 48 h after Friday 10:00 and 48 h before Wednesday 10:00, on an open day: Monday 08:00-10:00.
    const monday = Array.from({ length: 9 }, (_, i) =>
      new Date(Date.parse("2026-12-14T13:00:00Z") + i * 15 * 60_000).toISOString(),
    );
    expect(startsOf(res)).toEqual(monday);
    expect(res.body.slots[0]).toEqual({
      start: monday[0],
      end: new Date(Date.parse(monday[0]!) + 2 * HOUR).toISOString(),
    });

    // And a reschedule takes the first and the last of them.
    for (const start of [monday[0]!, monday[8]!]) {
      const moved = await api.call("POST", `/appointments/${fourth.id}/reschedule`, { start });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
  });

  it("for a single appointment: its own service and length, and not blocked by itself", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, offices: 1 } });
    const patient = await api.call("POST", "/patients", newPatient());
    const consult = await api.call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start: "2026-12-02T10:00:00-05:00",
    });
    const res = await api.call(
      "GET",
      `/availability?forAppointment=${consult.body.id}&from=2026-12-02&to=2026-12-02`,
    );
    const starts = startsOf(res);
    expect(starts).toContain(consult.body.start);
    expect(starts).toHaveLength(37); // 08:00 to 17:00, every quarter hour, for 60 minutes
  });

  it("answers 404 for an unknown appointment, 409 for one that cannot move, 400 for a muddled query", async () => {
    const api = await apiHarness();
    const patient = await api.call("POST", "/patients", newPatient());
    const consult = await api.call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start: "2026-12-02T10:00:00-05:00",
    });
    const range = "from=2026-12-02&to=2026-12-03";
    expect((await api.call("GET", `/availability?forAppointment=nope&${range}`)).status).toBe(404);
    await api.call("POST", `/appointments/${consult.body.id}/cancel`, {});
    const cancelled = await api.call("GET", `/availability?forAppointment=${consult.body.id}&${range}`);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.detail).toMatch(/Only a booked appointment can be rescheduled/);
    const both = await api.call(
      "GET",
      `/availability?forAppointment=${consult.body.id}&service=consultation&${range}`,
    );
    expect(both.status).toBe(400);
    const neither = await api.call("GET", `/availability?${range}`);
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: { path: string }) => e.path)).toEqual(["query.service"]);
  });
});
