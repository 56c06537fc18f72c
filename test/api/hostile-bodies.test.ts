import { beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness } from "../support/api-harness.js";

/**
 * Bodies that are not JSON, or too large, or name fields the schema does not know. Random bodies on every
 * route are in every-route.property.test.ts.
 */
describe("hostile and malformed bodies", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await apiHarness();
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
