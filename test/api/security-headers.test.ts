import { beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, type ApiResponse, apiHarness, newPatient } from "../support/api-harness.js";
import { expectApiHeaders, expectPageHeaders } from "../support/security-header-checks.js";

/** Every answer carries the headers that keep it out of caches, sniffers and frames. */
describe("security headers", () => {
  let api: ApiHarness;
  let patientId: string;
  beforeAll(async () => {
    api = await apiHarness();
    patientId = (await api.call("POST", "/patients", newPatient())).body.id;
  });

  const cases: [string, () => Promise<ApiResponse>][] = [
    ["a patient (200)", () => api.call("GET", `/patients/${patientId}`)],
    ["a created patient (201)", () => api.call("POST", "/patients", newPatient({ email: "b@example.com" }))],
    ["a schema error (400)", () => api.call("POST", "/patients", { firstName: 1 })],
    ["no token (401)", () => api.call("GET", `/patients/${patientId}`, undefined, { role: "none" })],
    ["a wrong role (403)", () => api.call("PUT", "/clinic", {}, { role: "clinician" })],
    ["an unknown id (404)", () => api.call("GET", "/patients/nobody")],
    ["no such route (404)", () => api.call("GET", "/nowhere")],
    [
      "a body too large (413)",
      () => api.call("POST", "/patients", undefined, { rawBody: "x".repeat(100_000) }),
    ],
    ["the health probe", () => api.call("GET", "/health", undefined, { role: "none" })],
    ["the OpenAPI document", () => api.call("GET", "/openapi.json", undefined, { role: "none" })],
  ];
  it.each(cases)("%s: nosniff, no-store, no framing, a CSP that loads nothing", async (_, send) => {
    const res = await send();
    expectApiHeaders(res.headers);
  });

  it("HTML pages carry a strict CSP: nothing inline but the page's own stylesheet, forms only to itself", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await api.call(method, "/unsubscribe/p1.x.y", undefined, { role: "none" });
      expect(res.headers.get("content-type")).toContain("text/html");
      expectPageHeaders(res.headers, res.body);
      // The page's styles are in the one <style> element the CSP's hash allows, none in attributes.
      expect(res.body).not.toMatch(/\sstyle=/);
    }
  });
});
