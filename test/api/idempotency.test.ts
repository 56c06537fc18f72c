import { describe, expect, it } from "vitest";
import { apiHarness, newPatient } from "../support/api-harness.js";

describe("Idempotency-Key on creating POSTs", () => {
  it("a repeat returns the first response and creates nothing; a different body with the key is refused", async () => {
    const api = await apiHarness();
    const headers = { "idempotency-key": "k-1" };
    const first = await api.call("POST", "/patients", newPatient(), { headers });
    const again = await api.call("POST", "/patients", newPatient(), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await api.call("POST", "/patients", newPatient({ firstName: "Sam" }), { headers });
    expect(other.status).toBe(422);
    expect((await api.allItems()).filter((i) => i.type === "patient")).toHaveLength(1);
  });

  it("concurrent repeats of a booking create one appointment and all get its id", async () => {
    const api = await apiHarness();
    const patient = await api.call("POST", "/patients", newPatient());
    const body = { patientId: patient.body.id, service: "consultation", start: "2026-12-02T10:00:00-05:00" };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.call("POST", "/appointments", body, { headers: { "idempotency-key": "book-1" } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await api.allItems()).filter((i) => i.type === "appointment")).toHaveLength(1);
  });

  it("series replay returns the same session ids", async () => {
    const api = await apiHarness();
    const { eligiblePatient } = await import("../support/api-harness.js");
    const patientId = await eligiblePatient(api, ["kap"]);
    const body = { patientId, protocolId: "kap", start: "2026-12-07T09:00:00-05:00" };
    const headers = { "idempotency-key": "series-1" };
    const a = await api.call("POST", "/series", body, { headers });
    const b = await api.call("POST", "/series", body, { headers });
    expect(a.status).toBe(201);
    expect(b.body.sessions.map((s: { id: string }) => s.id)).toEqual(
      a.body.sessions.map((s: { id: string }) => s.id),
    );
    expect((await api.allItems()).filter((i) => i.type === "series")).toHaveLength(1);
  });
});
