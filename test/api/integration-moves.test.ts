import { describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

type Session = { id: string; start: string; end: string; version: number; reminders: { kind: string }[] };

const day = (iso: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", {
    timeZone: "America/New_York",
    hour: "2-digit",
    minute: "2-digit",
  });

async function kapSeries(api: ApiHarness, therapistHours?: Record<string, unknown>) {
  const patientId = await eligiblePatient(api, ["kap"]);
  const therapist = await api.call(
    "POST",
    "/staff",
    { name: "Noor Aziz", roles: ["therapist"], ...(therapistHours ? { hours: therapistHours } : {}) },
    { role: "admin" },
  );
  const series = await api.call("POST", "/series", {
    patientId,
    protocolId: "kap",
    start: "2026-12-01T09:00:00-05:00",
  });
  expect(series.status).toBe(201);
  return {
    therapistId: therapist.body.id as string,
    seriesId: series.body.id as string,
    doses: series.body.sessions as Session[],
    integrations: series.body.integrationSessions as Session[],
  };
}

async function seriesNow(api: ApiHarness, id: string) {
  const body = (await api.call("GET", `/series/${id}`)).body;
  return { doses: body.sessions as Session[], integrations: body.integrationSessions as Session[] };
}

const heldOffices = async (api: ApiHarness) =>
  new Map(
    (await api.allItems())
      .filter((i) => i.type === "capacity" && i.resource === "office")
      .flatMap((d) => Object.entries(d.bookings as Record<string, { start: string }>))
      .map(([id, b]) => [id, b.start]),
  );

describe("moving a KAP dose with its integration session", () => {
  it("takes the integration session along when the dose moves past it, with its therapist, a notice and its office", async () => {
    const api = await apiHarness();
    const { seriesId, doses, integrations, therapistId } = await kapSeries(api);
    expect(day(integrations[0]!.start)).toBe("2026-12-02");

    // Dose 1 moves from Tuesday to Wednesday: Wednesday's integration hour would come before it.
    const moved = await api.call("POST", `/appointments/${doses[0]!.id}/reschedule`, {
      start: "2026-12-02T09:00:00-05:00",
    });
    expect(moved.status).toBe(200);
    const after = await seriesNow(api, seriesId);
    const follower = after.integrations.find((i) => i.id === integrations[0]!.id)!;
    // The first of its days (Thursday) at the dose's time of day, with the dose's therapist.
    expect(day(follower.start)).toBe("2026-12-03");
    expect(clock(follower.start)).toBe("09:00");
    expect(follower).toMatchObject({ status: "booked", version: integrations[0]!.version + 1 });
    expect((follower as unknown as { staff: { id: string }[] }).staff.map((s) => s.id)).toEqual([
      therapistId,
    ]);
    // The patient hears of both moves; the office is held at the new time only.
    expect(follower.reminders.filter((r) => r.kind === "reschedule")).toHaveLength(1);
    expect(
      (await api.call("GET", `/appointments/${doses[0]!.id}`)).body.reminders.map(
        (r: { kind: string }) => r.kind,
      ),
    ).toContain("reschedule");
    const offices = await heldOffices(api);
    expect(offices.get(follower.id)).toBe(follower.start);
    // The other integration sessions are untouched.
    for (const other of integrations.slice(1)) {
      expect(after.integrations.find((i) => i.id === other.id)).toMatchObject({
        start: other.start,
        version: other.version,
      });
    }
  });

  it("leaves it where it is when it still follows the dose", async () => {
    const api = await apiHarness();
    const { seriesId, doses, integrations } = await kapSeries(api);
    const moved = await api.call("POST", `/appointments/${doses[0]!.id}/reschedule`, {
      start: "2026-12-01T11:00:00-05:00",
    });
    expect(moved.status).toBe(200);
    const follower = (await seriesNow(api, seriesId)).integrations.find((i) => i.id === integrations[0]!.id)!;
    expect(follower).toMatchObject({ start: integrations[0]!.start, version: integrations[0]!.version });
  });

  it("refuses the dose's move, writing nothing, when its integration session has no day left to go to", async () => {
    const api = await apiHarness();
    // The therapist works Monday to Wednesday: a dose on Wednesday leaves its integration only Thursday
    // to Saturday, when nobody who runs one works.
    const open = [{ open: "08:00", close: "18:00" }];
    const { seriesId, doses, integrations } = await kapSeries(api, {
      mon: open,
      tue: open,
      wed: open,
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    });
    const before = await api.allItems();
    const refused = await api.call("POST", `/appointments/${doses[0]!.id}/reschedule`, {
      start: "2026-12-02T11:00:00-05:00",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("integration-window");
    expect(refused.body.detail).toMatch(/integration session after session 1/);
    expect(refused.body.detail).toMatch(/No therapist works on Thu 3 Dec, Fri 4 Dec/);
    expect(await api.allItems()).toEqual(before);
    const now = await seriesNow(api, seriesId);
    expect(now.doses[0]!.start).toBe(doses[0]!.start);
    expect(now.integrations[0]!.start).toBe(integrations[0]!.start);
  });
});

describe("moving an integration session", () => {
  it("moves within the days after its dose, and not outside them", async () => {
    const api = await apiHarness();
    const { doses, integrations } = await kapSeries(api);
    const tooLate = await api.call("POST", `/appointments/${integrations[0]!.id}/reschedule`, {
      start: "2026-12-07T09:00:00-05:00",
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.code).toBe("integration-window");
    expect(tooLate.body.detail).toMatch(/after session 1 must be on Wed 2 Dec 2026 to Fri 4 Dec 2026/);
    const sameDayAsDose = await api.call("POST", `/appointments/${integrations[0]!.id}/reschedule`, {
      start: "2026-12-01T14:00:00-05:00",
    });
    expect(sameDayAsDose.status).toBe(422);
    const inside = await api.call("POST", `/appointments/${integrations[0]!.id}/reschedule`, {
      start: "2026-12-04T14:00:00-05:00",
    });
    expect(inside.status).toBe(200);
    expect(day(inside.body.start)).toBe("2026-12-04");
    expect(doses[0]!.start < inside.body.start).toBe(true);
  });
});
