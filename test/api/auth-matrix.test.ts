import { beforeAll, describe, expect, it } from "vitest";
import { signLocalToken } from "../../shared/http/local-token.js";
import type { Role } from "../../shared/http/roles.js";
import { type ApiHarness, apiHarness, TEST_SECRET } from "../support/api-harness.js";

type Rule = { method: string; path: string; allowed: Role[] | "any" };

// API.md's role matrix; admin may do everything.
const ROUTES: Rule[] = [
  { method: "GET", path: "/clinic", allowed: "any" },
  { method: "PUT", path: "/clinic", allowed: ["admin"] },
  { method: "GET", path: "/protocols", allowed: "any" },
  { method: "POST", path: "/patients", allowed: ["staff"] },
  { method: "GET", path: "/patients?name=rivera", allowed: "any" },
  { method: "GET", path: "/patients/p1", allowed: "any" },
  { method: "PATCH", path: "/patients/p1", allowed: ["staff"] },
  { method: "GET", path: "/patients/p1/appointments", allowed: "any" },
  { method: "GET", path: "/availability?service=consultation&from=2026-12-01&to=2026-12-02", allowed: "any" },
  { method: "POST", path: "/appointments", allowed: ["staff"] },
  { method: "GET", path: "/appointments?from=2026-12-01&to=2026-12-02", allowed: "any" },
  { method: "GET", path: "/appointments/a1", allowed: "any" },
  { method: "POST", path: "/appointments/a1/cancel", allowed: ["staff"] },
  { method: "POST", path: "/appointments/a1/reschedule", allowed: ["staff"] },
  { method: "POST", path: "/appointments/a1/outcome", allowed: ["clinician"] },
  { method: "POST", path: "/appointments/a1/attendance", allowed: ["clinician", "staff"] },
  { method: "POST", path: "/appointments/a1/rems-form", allowed: ["clinician"] },
  { method: "GET", path: "/rems/monitoring-forms?status=due", allowed: "any" },
  { method: "POST", path: "/series", allowed: ["staff"] },
  { method: "POST", path: "/series/preview", allowed: ["staff"] },
  { method: "GET", path: "/series/s1", allowed: "any" },
  { method: "GET", path: "/agenda?date=2026-12-02", allowed: "any" },
  { method: "POST", path: "/appointments/a1/reminders/r1/resend", allowed: ["staff"] },
  { method: "POST", path: "/closures", allowed: ["admin"] },
  { method: "POST", path: "/agenda/backfill", allowed: ["admin"] },
  { method: "POST", path: "/series/s1/cancel", allowed: ["staff"] },
];

const body = (r: Rule) => (r.method === "GET" ? undefined : {});

describe("every route refuses callers API.md does not allow", () => {
  let api: ApiHarness;
  let expired: string;
  let forged: string;
  let noRoles: string;
  beforeAll(async () => {
    api = await apiHarness();
    expired = await signLocalToken({ roles: ["admin"], secret: TEST_SECRET, expiresInSeconds: -60 });
    forged = await signLocalToken({ roles: ["admin"], secret: "not-the-secret" });
    noRoles = await signLocalToken({ roles: [], secret: TEST_SECRET });
  });

  for (const rule of ROUTES) {
    const name = `${rule.method} ${rule.path.split("?")[0]}`;
    it(`${name}: 401 without a token, with a bad signature, expired or unsigned`, async () => {
      // alg "none": a token anyone can write, which must never be accepted.
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const unsigned = `${b64({ alg: "none" })}.${b64({ sub: "x", exp, "cognito:groups": ["admin"] })}.`;
      for (const opts of [
        { role: "none" as const },
        { token: forged },
        { token: expired },
        { token: unsigned },
      ]) {
        const res = await api.call(rule.method, rule.path, body(rule), opts);
        expect(res.status, JSON.stringify(opts)).toBe(401);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    });
    it(`${name}: 403 for a role that may not`, async () => {
      const denied: (Role | "noRoles")[] =
        rule.allowed === "any"
          ? ["noRoles"]
          : (["staff", "clinician"] as Role[]).filter((r) => !(rule.allowed as Role[]).includes(r));
      if (rule.allowed !== "any") denied.push("noRoles");
      for (const role of denied) {
        const res = await api.call(
          rule.method,
          rule.path,
          body(rule),
          role === "noRoles" ? { token: noRoles } : { role },
        );
        expect(res.status, `${role}`).toBe(403);
      }
      // and an allowed role gets past authorization (to a 2xx, 400, 404 or 422, never 401/403)
      const allowed: Role = rule.allowed === "any" ? "clinician" : (rule.allowed[0] ?? "admin");
      for (const role of [allowed, "admin" as const]) {
        const res = await api.call(rule.method, rule.path, body(rule), { role });
        expect([401, 403]).not.toContain(res.status);
      }
    });
  }

  it('accepts cognito:groups as API Gateway flattens it, the string "[admin staff]"', async () => {
    const { parseGroups } = await import("../../shared/http/roles.js");
    expect(parseGroups("[admin staff]")).toEqual(["admin", "staff"]);
    expect(parseGroups(["clinician"])).toEqual(["clinician"]);
    expect(parseGroups("[]")).toEqual([]);
    expect(parseGroups(42)).toEqual([]);
  });

  it("health and the OpenAPI document need no token", async () => {
    expect((await api.call("GET", "/health", undefined, { role: "none" })).body).toEqual({ ok: true });
    const doc = await api.call("GET", "/openapi.json", undefined, { role: "none" });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/patients",
        "/series/{id}/cancel",
        "/appointments/{id}/outcome",
        "/availability",
      ]),
    );
  });
});
