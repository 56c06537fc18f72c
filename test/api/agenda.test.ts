import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

type Entry = {
  appointmentId: string;
  patient: { firstName: string; lastName: string };
  [k: string]: unknown;
};
type Lane = { resource: string; number: number; entries: Entry[] };

async function patient(api: ApiHarness, firstName: string, lastName: string) {
  const res = await api.call(
    "POST",
    "/patients",
    newPatient({ firstName, lastName, email: `${firstName}@x.org` }),
  );
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function book(api: ApiHarness, patientId: string, service: string, start: string) {
  const res = await api.call("POST", "/appointments", { patientId, service, start });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; start: string };
}

/** Takes attributes off an appointment item, as the code before them wrote it. */
async function forget(api: ApiHarness, appointmentId: string, attributes: string[]) {
  await api.table.doc.send(
    new UpdateCommand({
      TableName: api.table.tableName,
      Key: { pk: `APPT#${appointmentId}`, sk: "APPT" },
      UpdateExpression: `REMOVE ${attributes.map((_, i) => `#a${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
    }),
  );
}

/**
 * GET /agenda with every AWS request it sends counted. `total` counts the reads; the one PutItem beside
 * them is the audit entry recording who viewed the day (HIPAA's access log), not part of reading it.
 */
async function agenda(api: ApiHarness, date: string | undefined) {
  const counter = api.requests;
  const query = date === undefined ? "" : `?date=${date}`;
  const { result, requests, total } = await counter.measure(() =>
    api.call("GET", `/agenda${query}`, undefined, { role: "clinician" }),
  );
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  expect(requests["DynamoDB.PutItem"]).toBe(1);
  const { "DynamoDB.PutItem": _audit, ...reads } = requests;
  return { body: result.body, requests: reads, total: total - 1 };
}

const laneOf = (lanes: Lane[], id: string) =>
  lanes.filter((l) => l.entries.some((e) => e.appointmentId === id)).map((l) => `${l.resource} ${l.number}`);

describe("GET /agenda: the front desk's day", () => {
  it("names every patient and puts each session in its numbered chair or office, in two AWS requests", async () => {
    const api = await apiHarness();
    const iv = await eligiblePatient(api, ["iv-ketamine"], {
      firstName: "Ines",
      lastName: "Vega",
      email: "iv@x.org",
    });
    const lee = await patient(api, "Jordan", "Lee");
    const kim = await patient(api, "Sam", "Kim");
    const ray = await patient(api, "Ray", "Olsen");
    // Wednesday 2 December: both offices at 10:00, one again at 11:00, one chair at 10:00.
    const a = await book(api, lee, "consultation", "2026-12-02T10:00:00-05:00");
    const b = await book(api, kim, "consultation", "2026-12-02T10:00:00-05:00");
    const c = await book(api, ray, "consultation", "2026-12-02T11:00:00-05:00");
    const chair = await book(api, iv, "iv-ketamine", "2026-12-02T10:00:00-05:00");
    const gone = await book(api, ray, "consultation", "2026-12-02T15:00:00-05:00");
    expect((await api.call("POST", `/appointments/${gone.id}/cancel`, {})).status).toBe(200);
    // Another day's booking stays off this day.
    await book(api, ray, "consultation", "2026-12-03T10:00:00-05:00");

    const { body, requests, total } = await agenda(api, "2026-12-02");
    expect(body).toMatchObject({
      date: "2026-12-02",
      timezone: "America/New_York",
      closed: false,
      hours: [{ open: "08:00", close: "18:00" }],
    });
    const lanes = body.lanes as Lane[];
    expect(lanes.map((l) => `${l.resource} ${l.number}`)).toEqual([
      "chair 1",
      "chair 2",
      "chair 3",
      "chair 4",
      "office 1",
      "office 2",
    ]);
    expect(laneOf(lanes, chair.id)).toEqual(["chair 1"]);
    expect(lanes.slice(1, 4).every((l) => l.entries.length === 0)).toBe(true);
    // The two 10:00 consultations take both offices; the 11:00 one follows in the office freed first.
    expect([...laneOf(lanes, a.id), ...laneOf(lanes, b.id)].sort()).toEqual(["office 1", "office 2"]);
    expect(laneOf(lanes, c.id)).toHaveLength(1);
    const names = lanes.flatMap((l) => l.entries.map((e) => `${e.patient.firstName} ${e.patient.lastName}`));
    expect(names.sort()).toEqual(["Ines Vega", "Jordan Lee", "Ray Olsen", "Sam Kim"]);
    expect(lanes[0]!.entries[0]).toEqual({
      appointmentId: chair.id,
      start: "2026-12-02T15:00:00.000Z",
      end: "2026-12-02T17:00:00.000Z",
      service: "iv-ketamine",
      status: "booked",
      patient: { id: iv, firstName: "Ines", lastName: "Vega" },
      confirmation: "unconfirmed",
    });
    expect(body.cancelled).toEqual([
      expect.objectContaining({
        appointmentId: gone.id,
        status: "cancelled",
        patient: expect.objectContaining({ lastName: "Olsen" }),
      }),
    ]);
    expect(requests).toEqual({ "DynamoDB.BatchGetItem": 1, "DynamoDB.Query": 1 });
    expect(total).toBe(2);
  });

  it("reads a clinic-local day that spans two UTC months in one query", async () => {
    // Tuesday 1 December in Sydney runs from 13:00 UTC on 30 November to 13:00 UTC on 1 December.
    const sydney: Clinic = { ...DEFAULT_CLINIC, timezone: "Australia/Sydney" };
    const api = await apiHarness({ clinic: sydney, now: "2026-11-29T22:00:00Z" });
    const p = await patient(api, "Mia", "Chen");
    const morning = await book(api, p, "consultation", "2026-12-01T09:00:00+11:00");
    const afternoon = await book(api, p, "consultation", "2026-12-01T15:00:00+11:00");
    expect(morning.start).toBe("2026-11-30T22:00:00.000Z");
    expect(afternoon.start).toBe("2026-12-01T04:00:00.000Z");

    const { body, total } = await agenda(api, "2026-12-01");
    const ids = (body.lanes as Lane[]).flatMap((l) => l.entries.map((e) => e.appointmentId));
    expect(ids.sort()).toEqual([morning.id, afternoon.id].sort());
    expect(total).toBe(2);
    // The range listing still finds both, and the day before holds neither.
    const listed = await api.call("GET", "/appointments?from=2026-12-01&to=2026-12-01");
    expect(listed.body.appointments.map((x: { id: string }) => x.id)).toEqual([morning.id, afternoon.id]);
    const before = await agenda(api, "2026-11-30");
    expect((before.body.lanes as Lane[]).every((l) => l.entries.length === 0)).toBe(true);
  });

  it("shows a series session with its place in the series, attendance marks, moves and closed days", async () => {
    const api = await apiHarness();
    const p = await eligiblePatient(api, ["iv-ketamine"]);
    const series = await api.call("POST", "/series", {
      patientId: p,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status).toBe(201);
    const sessions = series.body.sessions as { id: string; start: string; end: string }[];
    const [first, last] = [sessions[0], sessions[5]];
    const day = await agenda(api, "2026-12-07");
    expect((day.body.lanes as Lane[])[0]!.entries[0]).toMatchObject({
      appointmentId: first!.id,
      seriesId: series.body.id,
      sequence: 1,
      sessionsInSeries: 6,
    });

    // A no-show stays in its chair.
    api.clock.set(first!.end);
    expect(
      (await api.call("POST", `/appointments/${first!.id}/attendance`, { status: "no-show" })).status,
    ).toBe(200);
    const after = await agenda(api, "2026-12-07");
    expect((after.body.lanes as Lane[])[0]!.entries[0]).toMatchObject({
      appointmentId: first!.id,
      status: "no-show",
    });

    // A moved session leaves its old day (Friday 18th) for its new one.
    const moved = await api.call("POST", `/appointments/${last!.id}/reschedule`, {
      start: "2026-12-21T10:00:00-05:00",
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.date).toBe("2026-12-21");
    expect(laneOf((await agenda(api, "2026-12-18")).body.lanes, last!.id)).toEqual([]);
    expect(laneOf((await agenda(api, "2026-12-21")).body.lanes, last!.id)).toEqual(["chair 1"]);

    // Sunday: closed, no hours, every lane empty.
    const sunday = await agenda(api, "2026-12-13");
    expect(sunday.body).toMatchObject({ closed: true, hours: [], cancelled: [] });
    expect(sunday.body.lanes).toHaveLength(6);
  });

  it("answers the clinic's today by the API's clock when no date is given, in the saved zone", async () => {
    // 22:00 UTC on Monday 30 November: 17:00 that day in New York (the deployment's default zone here),
    // 09:00 on Tuesday 1 December in Sydney.
    const api = await apiHarness({ now: "2026-11-30T22:00:00Z" });
    const ids = (body: { lanes: Lane[] }) => body.lanes.flatMap((l) => l.entries.map((e) => e.appointmentId));
    const before = await agenda(api, undefined);
    expect(before.body).toMatchObject({ date: "2026-11-30", timezone: "America/New_York" });
    // The same two reads as for a given date.
    expect(before.requests).toEqual({ "DynamoDB.BatchGetItem": 1, "DynamoDB.Query": 1 });

    const saved = await api.call(
      "PUT",
      "/clinic",
      { ...DEFAULT_CLINIC, timezone: "Australia/Sydney" },
      { role: "admin" },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const p = await patient(api, "Mia", "Chen");
    const today = await book(api, p, "consultation", "2026-12-01T11:00:00+11:00");
    const tomorrow = await book(api, p, "consultation", "2026-12-02T11:00:00+11:00");

    // The saved zone's today, not the default zone's nor UTC's: the day the default zone gave is read
    // first, and today again once the settings read with it say it is another date.
    const sydney = await agenda(api, undefined);
    expect(sydney.body).toMatchObject({ date: "2026-12-01", timezone: "Australia/Sydney" });
    expect(ids(sydney.body)).toEqual([today.id]);
    expect(sydney.requests).toEqual({ "DynamoDB.BatchGetItem": 2, "DynamoDB.Query": 2 });
    expect(sydney.body).toEqual((await agenda(api, "2026-12-01")).body);

    // 05:00 UTC on 1 December is that date in both zones: two reads again.
    api.clock.set("2026-12-01T05:00:00Z");
    const both = await agenda(api, undefined);
    expect(both.body.date).toBe("2026-12-01");
    expect(both.total).toBe(2);
    // Past midnight in Sydney (13:00 UTC) the day is the next one, whatever the date elsewhere.
    api.clock.set("2026-12-01T13:30:00Z");
    const next = await agenda(api, undefined);
    expect(next.body.date).toBe("2026-12-02");
    expect(ids(next.body)).toEqual([tomorrow.id]);

    // The access log names the day that was read, as it does when the request names it.
    const trail = await api.call(
      "GET",
      "/audit?actor=local-clinician&from=2026-11-30&to=2026-12-02",
      undefined,
      { role: "admin" },
    );
    expect(trail.status).toBe(200);
    const entries = trail.body.entries as { action: string; target: { type: string; id: string } }[];
    expect(entries.every((e) => e.action === "GET /agenda" && e.target.type === "agenda")).toBe(true);
    expect(entries.map((e) => e.target.id)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-01",
      "2026-12-01",
      "2026-12-02",
    ]);
  });

  it("refuses a date that is not one, naming the field", async () => {
    const api = await apiHarness();
    const res = await api.call("GET", "/agenda?date=2026-02-30");
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["query.date"]);
  });
});

describe("appointments stored before the agenda", () => {
  it("are not on a day's agenda until an admin files their month, which is safe to repeat", async () => {
    const api = await apiHarness();
    const p = await patient(api, "Lena", "Ortiz");
    const old = await book(api, p, "consultation", "2026-12-02T10:00:00-05:00");
    const fresh = await book(api, p, "consultation", "2026-12-02T13:00:00-05:00");
    // As an item written by the code before this one: no date, so not in the day index.
    await forget(api, old.id, ["date", "gsi4pk", "gsi4sk"]);
    const listed = async () =>
      ((await agenda(api, "2026-12-02")).body.lanes as Lane[]).flatMap((l) =>
        l.entries.map((e) => e.appointmentId),
      );
    expect(await listed()).toEqual([fresh.id]);

    const staff = await api.call("POST", "/agenda/backfill", { month: "2026-12" });
    expect(staff.status).toBe(403);
    const filed = await api.call("POST", "/agenda/backfill", { month: "2026-12" }, { role: "admin" });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toEqual({ month: "2026-12", filed: 1 });
    expect((await listed()).sort()).toEqual([old.id, fresh.id].sort());
    expect((await api.call("GET", `/appointments/${old.id}`)).body.date).toBe("2026-12-02");

    const again = await api.call("POST", "/agenda/backfill", { month: "2026-12" }, { role: "admin" });
    expect(again.body).toEqual({ month: "2026-12", filed: 0 });
    const bad = await api.call("POST", "/agenda/backfill", { month: "2026-13" }, { role: "admin" });
    expect(bad.status).toBe(400);
  });
});

describe("an appointment's confirmation", () => {
  it("starts unconfirmed, reads so when stored before the field existed, and filters GET /appointments", async () => {
    const api = await apiHarness();
    const p = await patient(api, "Noor", "Haddad");
    const first = await book(api, p, "consultation", "2026-12-02T10:00:00-05:00");
    const second = await book(api, p, "consultation", "2026-12-03T10:00:00-05:00");
    expect((await api.call("GET", `/appointments/${first.id}`)).body.confirmation).toBe("unconfirmed");
    await forget(api, second.id, ["confirmation"]);
    expect((await api.call("GET", `/appointments/${second.id}`)).body.confirmation).toBe("unconfirmed");
    const moved = await api.call("POST", `/appointments/${first.id}/reschedule`, {
      start: "2026-12-04T10:00:00-05:00",
    });
    expect(moved.body.confirmation).toBe("unconfirmed");

    const range = "from=2026-12-01&to=2026-12-31";
    const unconfirmed = await api.call("GET", `/appointments?${range}&confirmation=unconfirmed`);
    expect(unconfirmed.body.appointments.map((a: { id: string }) => a.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const confirmed = await api.call("GET", `/appointments?${range}&confirmation=confirmed`);
    expect(confirmed.body.appointments).toEqual([]);
    const wrong = await api.call("GET", `/appointments?${range}&confirmation=maybe`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual(["query.confirmation"]);
  });
});
