import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

const NY = "America/New_York";

/** `time` in New York, `days` calendar days after the clinic-local date `date`, as a UTC instant. */
const local = (date: string, days = 0, time = "10:00") =>
  DateTime.fromISO(`${date}T${time}`, { zone: NY }).plus({ days }).toUTC().toISO()!;
const tenAm = (date: string, days = 0) => local(date, days);

interface Session {
  id: string;
  start: string;
  end: string;
  date: string;
}

/** Books an IV series from Monday 7 Dec 2026 for an eligible patient; its sessions in order. */
async function bookIvSeries(api: ApiHarness, patientId: string): Promise<Session[]> {
  const series = await api.call("POST", "/series", {
    patientId,
    protocolId: "iv-ketamine",
    start: "2026-12-07T10:00:00-05:00",
  });
  expect(series.status, JSON.stringify(series.body)).toBe(201);
  return series.body.sessions;
}

/** Lets the clock pass the appointment's end and has a clinician record whether the patient came. */
async function attend(api: ApiHarness, session: Session, status: "completed" | "no-show") {
  if (api.clock.now().toISOString() < session.end) api.clock.set(session.end);
  const res = await api.call(
    "POST",
    `/appointments/${session.id}/attendance`,
    { status },
    { role: "clinician" },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** An eligible patient who came to every session of an IV series, the last on Friday 18 Dec 2026. */
async function patientAfterASeries(api: ApiHarness) {
  const patientId = await eligiblePatient(api, ["iv-ketamine"]);
  const sessions = await bookIvSeries(api, patientId);
  for (const session of sessions) await attend(api, session, "completed");
  return { patientId, sessions };
}

const patientOf = async (api: ApiHarness, id: string) => (await api.call("GET", `/patients/${id}`)).body;
const booster = (api: ApiHarness, patientId: string, start: string) =>
  api.call("POST", "/appointments", { patientId, service: "booster", start });
const newSeries = (api: ApiHarness, patientId: string, start: string, path = "/series") =>
  api.call("POST", path, { patientId, protocolId: "iv-ketamine", start });

/** A consultation booked now and its outcome recorded an hour after it starts, by a clinician. */
async function newOutcome(api: ApiHarness, patientId: string, start: string) {
  const consult = await api.call("POST", "/appointments", { patientId, service: "consultation", start });
  expect(consult.status, JSON.stringify(consult.body)).toBe(201);
  api.clock.set(consult.body.end);
  const outcome = await api.call(
    "POST",
    `/appointments/${consult.body.id}/outcome`,
    { eligible: true, protocols: ["iv-ketamine"] },
    { role: "clinician" },
  );
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
}

describe("the lapse rule on DynamoDB Local", () => {
  it("books a booster within lapseDays, refuses one after until a new consultation outcome, writing nothing", async () => {
    const api = await apiHarness();
    const { patientId, sessions } = await patientAfterASeries(api);
    const last = sessions.at(-1)!;
    expect(last.date).toBe("2026-12-18");
    const afterSeries = await patientOf(api, patientId);
    expect(afterSeries.lastDosingOn).toBe("2026-12-18");
    expect(afterSeries.eligibilityRecordedAt < sessions[0]!.start).toBe(true);

    // Within the 90 days: a booster books. Booked is not given: it moves nothing until it is completed,
    // and a no-show never does.
    const january = await booster(api, patientId, tenAm(last.date, 31));
    expect(january.status, JSON.stringify(january.body)).toBe(201);
    await attend(api, january.body, "no-show");
    expect((await patientOf(api, patientId)).lastDosingOn).toBe("2026-12-18");

    // Counted to the session's own day: exactly 90 days after the last dose books, 91 does not.
    expect((await booster(api, patientId, tenAm(last.date, 90))).status).toBe(201);
    expect((await booster(api, patientId, tenAm(last.date, 91))).status).toBe(422);

    // Months later, the patient calls for a booster: every way to start dosing again is refused.
    api.clock.set(local("2027-03-22", 0, "08:00")); // Monday, as the clinic opens
    const before = await api.allItems();
    const refused = await booster(api, patientId, tenAm("2027-03-23"));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "lapsed",
      detail:
        "The patient's last dosing session was on Fri 18 Dec 2026, more than 90 days before Tue 23 Mar 2027: record a new consultation outcome first.",
      errors: [{ path: "patientId" }],
    });
    for (const path of ["/series", "/series/preview"]) {
      const res = await newSeries(api, patientId, tenAm("2027-03-23"), path);
      expect(res.status, path).toBe(422);
      expect(res.body.code, path).toBe("lapsed");
    }
    const single = await api.call("POST", "/appointments", {
      patientId,
      service: "iv-ketamine",
      start: tenAm("2027-03-23"),
    });
    expect(single.body.code).toBe("lapsed");
    expect(await api.allItems()).toEqual(before);

    // A consultation still books (it is how the patient gets back), and its outcome lifts the lapse.
    await newOutcome(api, patientId, tenAm("2027-03-22"));
    expect((await patientOf(api, patientId)).eligibilityRecordedAt).toBe(api.clock.now().toISOString());
    const preview = await newSeries(api, patientId, tenAm("2027-03-24"), "/series/preview");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const again = await booster(api, patientId, tenAm("2027-03-23"));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });

  it("applies the number a clinic set with PUT /clinic", async () => {
    const api = await apiHarness();
    const put = await api.call("PUT", "/clinic", { ...DEFAULT_CLINIC, lapseDays: 30 }, { role: "admin" });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const { patientId, sessions } = await patientAfterASeries(api);
    const last = sessions.at(-1)!.date; // Friday 18 Dec 2026
    const late = await booster(api, patientId, tenAm(last, 31)); // Mon 18 Jan
    expect(late.status).toBe(422);
    expect(late.body.detail).toMatch(/more than 30 days before Mon 18 Jan 2027/);
    const within = await booster(api, patientId, tenAm(last, 24)); // Mon 11 Jan
    expect(within.status, JSON.stringify(within.body)).toBe(201);
  });

  it("keeps the last dosing date from attendance: forward only, and back to the real dose after a corrected mark", async () => {
    const api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const sessions = await bookIvSeries(api, patientId);
    const [first, , third] = sessions;
    api.clock.set(third!.end);
    await attend(api, third!, "completed");
    expect((await patientOf(api, patientId)).lastDosingOn).toBe(third!.date);
    // The first session's attendance recorded late does not pull the date back.
    await attend(api, first!, "completed");
    expect((await patientOf(api, patientId)).lastDosingOn).toBe(third!.date);
    // The third was marked by mistake: the first is now the last dose given.
    await attend(api, third!, "no-show");
    expect((await patientOf(api, patientId)).lastDosingOn).toBe(first!.date);
  });

  it("shows the dates on the patient, and PATCH refuses to set them, naming the field", async () => {
    const api = await apiHarness();
    const { patientId } = await patientAfterASeries(api);
    const before = await api.allItems();
    for (const [field, value] of [
      ["lastDosingOn", "2027-03-01"],
      ["eligibilityRecordedAt", "2027-03-01T15:00:00.000Z"],
    ]) {
      const res = await api.call("PATCH", `/patients/${patientId}`, { [field as string]: value });
      expect(res.status, field).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
    expect(await api.allItems()).toEqual(before);
  });
});
