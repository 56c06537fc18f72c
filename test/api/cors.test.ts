import { describe, expect, it } from "vitest";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import { hs256Tokens } from "../../shared/http/authenticators.js";
import type { Deps } from "../../shared/use-cases/deps.js";

const CONSOLE = "https://d1234abcd.cloudfront.net";

/** No use case runs in these requests: preflights and refused calls stop before any store access. */
const app = (corsOrigins?: string[]) =>
  createApp({
    deps: {} as Deps,
    authenticate: hs256Tokens("cors-test"),
    openApiDocument: apiOpenApiDocument,
    ...(corsOrigins ? { corsOrigins } : {}),
  });

const preflight = (origin: string, corsOrigins?: string[]) =>
  app(corsOrigins).request("/patients", {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type, idempotency-key",
    },
  });

describe("CORS for the staff console (answered by the app, see infra/stateless-stack.ts)", () => {
  it("allows the console's origin to send a token and a JSON body", async () => {
    const res = await preflight(CONSOLE, [CONSOLE]);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(CONSOLE);
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(res.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
  });

  it("allows no other origin", async () => {
    const res = await preflight("https://evil.example", [CONSOLE]);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the console read the API's refusals too (a 401 in words, not an opaque CORS error)", async () => {
    const res = await app([CONSOLE]).request("/clinic", { headers: { origin: CONSOLE } });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe(CONSOLE);
  });

  it("sends no CORS headers when no origin is configured (locally the API serves the console itself)", async () => {
    const res = await preflight(CONSOLE);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const get = await app().request("/clinic", { headers: { origin: CONSOLE } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });
});
