import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

describe("the last chair or office under concurrent bookings", () => {
  it("20 concurrent bookings of the last office: exactly one 201, the rest 409, one appointment written", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, offices: 1 } });
    const patients = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call("POST", "/patients", newPatient({ email: `p${i}@example.com` })),
      ),
    );
    const start = "2026-12-02T10:00:00-05:00";
    const results = await Promise.all(
      patients.map((p) =>
        api.call("POST", "/appointments", { patientId: p.body.id, service: "consultation", start }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 201)!.body;

    const items = await api.allItems();
    const appointments = items.filter((i) => i.type === "appointment");
    const reminders = items.filter((i) => i.type === "reminder");
    expect(appointments.map((a) => a.id)).toEqual([winner.id]);
    expect(reminders.map((r) => r.appointmentId)).toEqual(winner.reminders.map(() => winner.id));
    expect(reminders.length).toBe(winner.reminders.length);
    const capacity = items.filter((i) => i.type === "capacity");
    expect(capacity).toHaveLength(1);
    expect(Object.keys(capacity[0]!.bookings)).toEqual([winner.id]);
  });

  it("20 concurrent single sessions for the last chair: one wins", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, chairs: 1 } });
    const patientIds: string[] = [];
    for (let i = 0; i < 20; i++)
      patientIds.push(await eligiblePatient(api, ["im-ketamine"], { email: `c${i}@example.com` }));
    const results = await Promise.all(
      patientIds.map((patientId) =>
        api.call("POST", "/appointments", {
          patientId,
          service: "im-ketamine",
          start: "2026-12-03T09:00:00-05:00",
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const chairSessions = (await api.allItems()).filter(
      (i) => i.type === "appointment" && i.resource === "chair",
    );
    expect(chairSessions).toHaveLength(1);
  });

  it("capacity is counted over the whole session: an overlap 90 minutes in is refused", async () => {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, chairs: 1 } });
    const a = await eligiblePatient(api, ["iv-ketamine"], { email: "a@example.com" });
    const b = await eligiblePatient(api, ["iv-ketamine"], { email: "b@example.com" });
    const first = await api.call("POST", "/appointments", {
      patientId: a,
      service: "iv-ketamine",
      start: "2026-12-03T09:00:00-05:00",
    });
    expect(first.status).toBe(201);
    const overlap = await api.call("POST", "/appointments", {
      patientId: b,
      service: "iv-ketamine",
      start: "2026-12-03T10:30:00-05:00",
    });
    expect(overlap.status).toBe(409);
    const after = await api.call("POST", "/appointments", {
      patientId: b,
      service: "iv-ketamine",
      start: "2026-12-03T11:00:00-05:00",
    });
    expect(after.status).toBe(201);
  });
});
