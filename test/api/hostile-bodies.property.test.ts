import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

/**
 * Whatever a client sends to a writing route, the answer is never a 5xx, and a refused request leaves the
 * table exactly as it was.
 */
describe("hostile and malformed bodies", () => {
  let api: ApiHarness;
  let patientId: string;
  let appointmentId: string;
  let seriesId: string;
  beforeAll(async () => {
    api = await apiHarness();
    patientId = await eligiblePatient(api, ["iv-ketamine", "kap"]);
    const booked = await api.call("POST", "/appointments", {
      patientId,
      service: "consultation",
      start: "2026-12-04T11:00:00-05:00",
    });
    appointmentId = booked.body.id;
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "kap",
      start: "2026-12-07T09:00:00-05:00",
    });
    seriesId = series.body.id;
  });

  // Values that are near-misses of real ones: they reach deeper than random JSON does.
  const nearMiss = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      "2026-12-07T10:00:00-05:00",
      "2026-12-07T10:07:00-05:00",
      "2026-02-30T10:00:00Z",
      "2026-12-07",
      "2026-12",
      "a@b.co",
      "a@b.co\r\nBcc: x@y.z",
      "iv-ketamine",
      "esketamine",
      "booster",
      "consultation",
      "Mars/Olympus",
      "America/New_York",
      "<script>alert(1)</script>",
      "",
      "x".repeat(5000),
      -1,
      1e308,
      true,
      null,
    ),
  );
  const fieldsOf = (names: string[]) =>
    fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), nearMiss, {
      maxKeys: names.length + 1,
    });

  const routes = () => [
    {
      method: "POST",
      path: "/patients",
      fields: ["firstName", "lastName", "email", "phone", "timezone", "emailConsent", "remsEnrolled"],
    },
    {
      method: "PATCH",
      path: `/patients/${patientId}`,
      fields: ["firstName", "email", "timezone", "emailConsent", "remsEnrolled", "id"],
    },
    { method: "POST", path: "/appointments", fields: ["patientId", "service", "start"] },
    { method: "POST", path: `/appointments/${appointmentId}/cancel`, fields: ["reason"] },
    { method: "POST", path: `/appointments/${appointmentId}/reschedule`, fields: ["start"] },
    {
      method: "POST",
      path: `/appointments/${appointmentId}/outcome`,
      fields: ["eligible", "protocols", "notes"],
      role: "clinician" as const,
    },
    { method: "POST", path: `/appointments/${appointmentId}/attendance`, fields: ["status"] },
    { method: "POST", path: "/series", fields: ["patientId", "protocolId", "start"] },
    { method: "POST", path: "/series/preview", fields: ["patientId", "protocolId", "start"] },
    { method: "POST", path: "/closures", fields: ["date", "reason"], role: "admin" as const },
    { method: "POST", path: "/agenda/backfill", fields: ["month"], role: "admin" as const },
    { method: "POST", path: `/series/${seriesId}/cancel`, fields: ["reason", "now"] },
    {
      method: "PUT",
      path: "/clinic",
      fields: ["name", "timezone", "phone", "address", "chairs", "offices", "hours", "closedDates"],
      role: "admin" as const,
    },
  ];

  // Every writing route in turn, each with a scan of the table before and after every request.
  it("never answers 5xx, and a refused request writes nothing", { timeout: 180_000 }, async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fieldsOf(route.fields), fc.jsonValue()), async (body) => {
          // Keep valid ids valid so the fuzz reaches the rules, not just the 404.
          if (
            body &&
            typeof body === "object" &&
            !Array.isArray(body) &&
            "patientId" in body &&
            Math.random() < 0.5
          ) {
            (body as Record<string, unknown>).patientId = patientId;
          }
          const before = await api.allItems();
          const res = await api.call(route.method, route.path, body, { role: route.role ?? "staff" });
          expect(
            res.status,
            `${route.method} ${route.path} ${JSON.stringify(body).slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get("content-type")).toContain("application/problem+json");
            expect(await api.allItems()).toEqual(before);
          }
        }),
        { numRuns: 25 },
      );
    }
  });

  it("malformed JSON, a wrong content type and an oversized body are 4xx problems", async () => {
    const raw = (rawBody: string, headers: Record<string, string> = {}) =>
      api.call("POST", "/patients", undefined, { rawBody, headers });
    const malformed = await raw("{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/JSON/);
    expect((await raw("{}", { "content-type": "text/plain" })).status).toBe(415);
    expect((await raw(JSON.stringify({ firstName: "x".repeat(100_000) }))).status).toBe(413);
  });

  it("names the field at fault", async () => {
    const res = await api.call("POST", "/patients", {
      firstName: "Alex",
      lastName: "Rivera",
      email: "alex@example.com\r\nBcc: everyone@example.com",
      emailConsent: true,
      shoeSize: 44,
    });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      "email",
      "shoeSize",
    ]);
  });
});
