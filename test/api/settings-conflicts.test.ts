import { describe, expect, it } from "vitest";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type ApiHarness, apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

const ONE_OFFICE: Clinic = { ...DEFAULT_CLINIC, offices: 1 };

async function consultationAt(api: ApiHarness, start: string, email = `c${Date.parse(start)}@example.com`) {
  const patient = await api.call("POST", "/patients", newPatient({ email }));
  return api.call("POST", "/appointments", { patientId: patient.body.id, service: "consultation", start });
}

const putClinic = (api: ApiHarness, clinic: Partial<Clinic>) =>
  api.call("PUT", "/clinic", { ...DEFAULT_CLINIC, ...clinic }, { role: "admin" });

describe("clinic settings that would strand booked appointments are refused", () => {
  it("a time-zone change while bookings exist: 409 listing them, and the instant stays taken", async () => {
    const api = await apiHarness({ clinic: ONE_OFFICE });
    // 10:00 in New York is 15:00 in London, on the same date: an office day keyed by New York's date.
    const first = await consultationAt(api, "2026-12-02T10:00:00-05:00");
    expect(first.status).toBe(201);

    const moved = await putClinic(api, { offices: 1, timezone: "Europe/London" });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: "conflicts",
      conflicts: [{ appointmentId: first.body.id, start: first.body.start, reason: "time-zone" }],
    });
    expect((await api.call("GET", "/clinic")).body.timezone).toBe("America/New_York");

    // The only office is still taken at that instant, however the time is written.
    const second = await consultationAt(api, "2026-12-02T15:00:00+00:00", "second@example.com");
    expect(second.status).toBe(409);
  });

  it("a time-zone change with nothing booked ahead is saved", async () => {
    const api = await apiHarness({ clinic: ONE_OFFICE });
    const moved = await putClinic(api, { offices: 1, timezone: "Europe/London" });
    expect(moved.status).toBe(200);
    expect((await api.call("GET", "/clinic")).body.timezone).toBe("Europe/London");
  });

  it("closing a date, shortening hours or removing chairs names each appointment and why", async () => {
    const api = await apiHarness();
    const wednesday = await consultationAt(api, "2026-12-02T10:00:00-05:00");
    const evening = await consultationAt(api, "2026-12-03T16:00:00-05:00");
    const patients: string[] = [];
    // One at a time: each moves the clock past its consultation and back.
    for (const n of ["a", "b", "c"])
      patients.push(await eligiblePatient(api, ["iv-ketamine"], { email: `${n}@example.com` }));
    const chairs = await Promise.all(
      patients.map((patientId) =>
        api.call("POST", "/appointments", {
          patientId,
          service: "iv-ketamine",
          start: "2026-12-04T09:00:00-05:00",
        }),
      ),
    );
    expect(chairs.map((c) => c.status)).toEqual([201, 201, 201]);

    const closed = await putClinic(api, { closedDates: ["2026-12-02"] });
    expect(closed.status).toBe(409);
    expect(closed.body.conflicts).toEqual([
      { appointmentId: wednesday.body.id, start: wednesday.body.start, reason: "closed-date" },
    ]);

    const shorter = await putClinic(api, {
      hours: { ...DEFAULT_CLINIC.hours, thu: [{ open: "08:00", close: "16:30" }] },
    });
    expect(shorter.body.conflicts).toEqual([
      { appointmentId: evening.body.id, start: evening.body.start, reason: "outside-hours" },
    ]);

    const fewer = await putClinic(api, { chairs: 2 });
    expect(fewer.status).toBe(409);
    expect(fewer.body.conflicts).toHaveLength(1);
    expect(fewer.body.conflicts[0]).toMatchObject({ reason: "capacity" });
    expect(chairs.map((c) => c.body.id)).toContain(fewer.body.conflicts[0].appointmentId);

    // Nothing was saved by any refused request.
    const clinic = (await api.call("GET", "/clinic")).body;
    expect(clinic).toMatchObject({
      chairs: DEFAULT_CLINIC.chairs,
      closedDates: [],
      hours: DEFAULT_CLINIC.hours,
    });

    // Once the appointment is moved away, the date can close.
    const moved = await api.call("POST", `/appointments/${wednesday.body.id}/reschedule`, {
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(moved.status).toBe(200);
    expect((await putClinic(api, { closedDates: ["2026-12-02"] })).status).toBe(200);
  });

  it("appointments already over never conflict", async () => {
    const api = await apiHarness();
    const done = await consultationAt(api, "2026-11-30T09:00:00-05:00");
    expect(done.status).toBe(201);
    api.clock.set("2026-11-30T16:00:00.000Z");
    expect((await putClinic(api, { closedDates: ["2026-11-30"] })).status).toBe(200);
  });
});
