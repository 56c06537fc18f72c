import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

const ALL_WEEK = (open: string, close: string) => ({
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [{ open, close }],
  sat: [],
  sun: [],
});

async function addStaff(api: ApiHarness, body: Record<string, unknown>) {
  const res = await api.call("POST", "/staff", body, { role: "admin" });
  if (res.status !== 201) throw new Error(`staff: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string };
}

describe("the roster", () => {
  it("admins add and change people; others may only read; bad bodies name the field and write nothing", async () => {
    const api = await apiHarness();
    expect((await api.call("GET", "/staff")).body).toEqual({ staff: [] });
    expect((await api.call("POST", "/staff", { name: "Dana Hill", roles: ["nurse"] })).status).toBe(403);
    const refused = await api.call(
      "POST",
      "/staff",
      { name: "Dana Hill", roles: ["surgeon"] },
      { role: "admin" },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain("roles.0");
    const noRoles = await api.call("POST", "/staff", { name: "Dana Hill", roles: [] }, { role: "admin" });
    expect(noRoles.status).toBe(400);
    expect((await api.call("GET", "/staff")).body).toEqual({ staff: [] });

    const dana = await addStaff(api, { name: "Dana Hill", roles: ["nurse", "prescriber"] });
    expect(dana).toMatchObject({ name: "Dana Hill", roles: ["nurse", "prescriber"], active: true });
    const renamed = await api.call(
      "PATCH",
      `/staff/${dana.id}`,
      { name: "Dana Hill-Moss" },
      { role: "admin" },
    );
    expect(renamed.status).toBe(200);
    expect((await api.call("GET", "/staff", undefined, { role: "clinician" })).body.staff).toEqual([
      expect.objectContaining({ id: dana.id, name: "Dana Hill-Moss" }),
    ]);
    expect((await api.call("PATCH", "/staff/nobody", { active: false }, { role: "admin" })).status).toBe(404);
  });
});

describe("sessions need their people", () => {
  it("names who staffs a session on the appointment and in the agenda", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["im-ketamine"]);
    const nurse = await addStaff(api, { name: "Sam Ortiz", roles: ["nurse"] });
    const booked = await api.call("POST", "/appointments", {
      patientId,
      service: "im-ketamine",
      start: "2026-12-02T10:00:00-05:00",
    });
    expect(booked.status).toBe(201);
    expect(booked.body.staff).toEqual([{ id: nurse.id, name: "Sam Ortiz", role: "nurse" }]);
    const agenda = await api.call("GET", "/agenda?date=2026-12-02");
    const entry = agenda.body.lanes.flatMap((l: { entries: unknown[] }) => l.entries)[0];
    expect(entry.staff).toEqual([{ id: nurse.id, name: "Sam Ortiz", role: "nurse" }]);
  });

  it("the last nurse's last place, raced by 20 concurrent bookings: one wins, the rest hear nobody is free", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, chairs: 30 } });
    const patientIds: string[] = [];
    for (let i = 0; i < 22; i++)
      patientIds.push(await eligiblePatient(api, ["im-ketamine"], { email: `n${i}@example.com` }));
    await addStaff(api, { name: "Sam Ortiz", roles: ["nurse"] });
    const start = "2026-12-03T09:00:00-05:00";
    // One nurse watches three sessions at once: two are taken before the race.
    for (const patientId of patientIds.slice(0, 2)) {
      const res = await api.call("POST", "/appointments", { patientId, service: "im-ketamine", start });
      expect(res.status).toBe(201);
    }
    const results = await Promise.all(
      patientIds
        .slice(2)
        .map((patientId) => api.call("POST", "/appointments", { patientId, service: "im-ketamine", start })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect(refused.every((r) => r.body.code === "staff-unavailable")).toBe(true);
    expect(refused[0]!.body.detail).toMatch(/nurse/);
    const sessions = (await api.allItems()).filter(
      (i) => i.type === "appointment" && i.service === "im-ketamine",
    );
    expect(sessions).toHaveLength(3);
  });

  it("availability offers only the starts someone can staff", async () => {
    const api = await apiHarness();
    await addStaff(api, { name: "Sam Ortiz", roles: ["nurse"], hours: ALL_WEEK("09:00", "12:00") });
    const free = await api.call("GET", "/availability?service=im-ketamine&from=2026-12-02&to=2026-12-02");
    const clock = (iso: string) =>
      new Date(iso).toLocaleTimeString("en-GB", {
        timeZone: "America/New_York",
        hour: "2-digit",
        minute: "2-digit",
      });
    expect(free.body.slots.map((s: { start: string }) => clock(s.start))).toEqual([
      "09:00",
      "09:15",
      "09:30",
      "09:45",
      "10:00",
      "10:15",
      "10:30",
    ]);
    // Nobody on the roster who can prescribe: no consultation can be offered at all.
    const consults = await api.call(
      "GET",
      "/availability?service=consultation&from=2026-12-02&to=2026-12-02",
    );
    expect(consults.body.slots).toEqual([]);
  });

  it("an esketamine series is refused when no prescriber works the days one of its sessions needs, naming them", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["esketamine"], { remsEnrolled: true });
    await addStaff(api, { name: "Sam Ortiz", roles: ["nurse"] });
    // The prescriber works Mondays only; twice a week needs a second day in week 1.
    await addStaff(api, {
      name: "Dr Lee",
      roles: ["prescriber"],
      hours: { ...ALL_WEEK("08:00", "18:00"), tue: [], wed: [], thu: [], fri: [] },
    });
    const body = { patientId, protocolId: "esketamine", start: "2026-12-07T09:00:00-05:00" };
    const preview = await api.call("POST", "/series/preview", body);
    expect(preview.status).toBe(422);
    expect(preview.body.detail).toMatch(/Session 2 of 12/);
    expect(preview.body.detail).toMatch(/No prescriber works on Wed 9 Dec, Thu 10 Dec, Fri 11 Dec/);
    const booked = await api.call("POST", "/series", body);
    expect(booked.status).toBe(422);
    expect((await api.allItems()).filter((i) => i.type === "series")).toHaveLength(0);

    // With a prescriber on Thursdays too, the whole series books, every session with both people named.
    const staff = (await api.call("GET", "/staff")).body.staff as { id: string; name: string }[];
    const lee = staff.find((m) => m.name === "Dr Lee")!;
    const patched = await api.call(
      "PATCH",
      `/staff/${lee.id}`,
      { hours: { ...ALL_WEEK("08:00", "18:00"), tue: [], wed: [], fri: [] } },
      { role: "admin" },
    );
    expect(patched.status).toBe(200);
    const series = await api.call("POST", "/series", body);
    expect(series.status).toBe(201);
    for (const session of series.body.sessions) {
      expect(session.staff.map((s: { role: string }) => s.role).sort()).toEqual(["nurse", "prescriber"]);
      const weekday = new Date(session.start).toLocaleDateString("en-US", {
        timeZone: "America/New_York",
        weekday: "short",
      });
      expect(["Mon", "Thu"]).toContain(weekday);
    }
  });

  it("a reschedule keeps the same person where free; a deactivation that would strand a session is refused until it is handed on", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["im-ketamine"]);
    const first = await addStaff(api, { name: "Sam Ortiz", roles: ["nurse"] });
    const second = await addStaff(api, { name: "Ria Chen", roles: ["nurse"] });
    const booked = await api.call("POST", "/appointments", {
      patientId,
      service: "im-ketamine",
      start: "2026-12-02T10:00:00-05:00",
    });
    expect(booked.body.staff[0].id).toBe(first.id);
    // Both nurses are free at the new time: the one the patient already had keeps the session.
    const moved = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-12-03T14:00:00-05:00",
    });
    expect(moved.status).toBe(200);
    expect(moved.body.staff[0].id).toBe(first.id);

    const refused = await api.call("PATCH", `/staff/${first.id}`, { active: false }, { role: "admin" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("conflicts");
    expect(refused.body.conflicts).toEqual([
      {
        appointmentId: booked.body.id,
        start: "2026-12-03T19:00:00.000Z",
        staffId: first.id,
        reason: "staff-inactive",
      },
    ]);
    expect((await api.call("GET", "/staff")).body.staff[0].active).toBe(true);

    // Handing the session to Ria at the same time frees Sam, and tells the patient nothing.
    const handed = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-12-03T14:00:00-05:00",
      withoutStaff: [first.id],
    });
    expect(handed.status).toBe(200);
    expect(handed.body.staff).toEqual([{ id: second.id, name: "Ria Chen", role: "nurse" }]);
    expect(handed.body.reminders.filter((r: { kind: string }) => r.kind === "reschedule")).toHaveLength(1);
    const done = await api.call("PATCH", `/staff/${first.id}`, { active: false }, { role: "admin" });
    expect(done.status).toBe(200);
    expect(done.body.active).toBe(false);
    // Without Ria too, nobody is left to staff it: refused, not booked with nobody.
    const nobody = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-12-03T14:00:00-05:00",
      withoutStaff: [second.id],
    });
    expect(nobody.status).toBe(409);
    expect(nobody.body.code).toBe("staff-unavailable");
    // Sam is inactive now, so Ria is the whole active roster: handing it away from her is refused too.
    const alone = await api.call("POST", `/appointments/${booked.body.id}/reschedule`, {
      start: "2026-12-03T14:00:00-05:00",
      withoutStaff: [second.id, first.id],
    });
    expect(alone.status).toBe(409);
    expect((await api.call("GET", `/appointments/${booked.body.id}`)).body.staff).toEqual([
      { id: second.id, name: "Ria Chen", role: "nurse" },
    ]);
    const next = await api.call("POST", "/appointments", {
      patientId,
      service: "im-ketamine",
      start: "2026-12-04T10:00:00-05:00",
    });
    expect(next.body.staff).toEqual([{ id: second.id, name: "Ria Chen", role: "nurse" }]);
  });
});

describe("KAP's integration sessions", () => {
  it("books one after each dosing session with the series, an office and the same therapist, all or nothing", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["kap"]);
    const therapist = await addStaff(api, { name: "Noor Aziz", roles: ["therapist"] });
    const body = { patientId, protocolId: "kap", start: "2026-12-01T09:00:00-05:00" };

    const preview = await api.call("POST", "/series/preview", body);
    expect(preview.status).toBe(200);
    expect(preview.body.integrationSessions.map((s: { after: number }) => s.after)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);

    const series = await api.call("POST", "/series", body);
    expect(series.status).toBe(201);
    expect(series.body.sessions).toHaveLength(6);
    const integrations = series.body.integrationSessions as {
      id: string;
      start: string;
      end: string;
      service: string;
      resource: string;
      staff: unknown;
      seriesId: string;
    }[];
    expect(integrations).toHaveLength(6);
    const day = (iso: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
    integrations.forEach((x, i) => {
      expect(x).toMatchObject({ service: "integration", resource: "office", seriesId: series.body.id });
      expect(x.staff).toEqual([{ id: therapist.id, name: "Noor Aziz", role: "therapist" }]);
      expect(
        day(x.start) > day(series.body.sessions[i].start),
        `${x.start} after ${series.body.sessions[i].start}`,
      ).toBe(true);
      // The therapist is with the dosing session and then the integration session: never two at once.
      const overlaps = (s: { start: string; end: string }) => s.start < x.end && x.start < s.end;
      expect(series.body.sessions.some(overlaps)).toBe(false);
    });
    expect(preview.body.integrationSessions.map((s: { start: string }) => s.start)).toEqual(
      integrations.map((x) => x.start),
    );
    // Shown with the series, and on the day's agenda in an office lane.
    expect((await api.call("GET", `/series/${series.body.id}`)).body.integrationSessions).toHaveLength(6);
    const agenda = await api.call("GET", `/agenda?date=${day(integrations[0]!.start)}`);
    const officeEntries = agenda.body.lanes
      .filter((l: { resource: string }) => l.resource === "office")
      .flatMap((l: { entries: { appointmentId: string }[] }) => l.entries);
    expect(officeEntries.map((e: { appointmentId: string }) => e.appointmentId)).toContain(
      integrations[0]!.id,
    );

    // Cancelling the series cancels its integration sessions and frees their offices.
    const cancelled = await api.call("POST", `/series/${series.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(
      cancelled.body.integrationSessions.every((x: { status: string }) => x.status === "cancelled"),
    ).toBe(true);
    const held = (await api.allItems())
      .filter((i) => i.type === "capacity")
      .flatMap((d) => Object.keys(d.bookings));
    const ofSeries = [...series.body.sessions, ...integrations].map((x: { id: string }) => x.id);
    expect(held.filter((id) => ofSeries.includes(id))).toEqual([]);
  });

  it("refuses the whole series when an integration session has nobody to run it, and writes nothing", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["kap"]);
    // The only therapist works Tuesdays: the dosing sessions fit, their integration 1-3 days later cannot.
    await addStaff(api, {
      name: "Noor Aziz",
      roles: ["therapist"],
      hours: { ...ALL_WEEK("08:00", "18:00"), mon: [], wed: [], thu: [], fri: [] },
    });
    const refused = await api.call("POST", "/series", {
      patientId,
      protocolId: "kap",
      start: "2026-12-01T09:00:00-05:00",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/integration session after session 1/);
    expect(refused.body.detail).toMatch(/No therapist works on Wed 2 Dec, Thu 3 Dec, Fri 4 Dec/);
    const items = await api.allItems();
    expect(items.filter((i) => i.type === "series")).toHaveLength(0);
    expect(items.filter((i) => i.type === "appointment" && i.service !== "consultation")).toHaveLength(0);
  });
});
