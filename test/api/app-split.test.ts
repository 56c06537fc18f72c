import { describe, expect, it } from "vitest";
import { PUBLIC_ROUTES } from "../../infra/constructs/http-api.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { routeSpecsOf } from "../../shared/http/app.js";
import { assembleApp, type RouteGroup } from "../../shared/http/app-assembly.js";
import type { AppOptions } from "../../shared/http/app-env.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import { createPatientPagesApp, PATIENT_PAGE_ROUTES } from "../../shared/http/patient-pages-app.js";
import { ADMIN_API_ROUTES, createStaffApiApp } from "../../shared/http/staff-api-app.js";
import type { Deps } from "../../shared/use-cases/deps.js";

// Describing routes reads nothing; requests below are refused before any use case runs.
const options: AppOptions = {
  deps: {} as Deps,
  authenticate: lambdaAuthorizerClaims,
  openApiDocument: apiOpenApiDocument,
};
const routesOf = (groups: readonly RouteGroup[]) =>
  assembleApp(options, groups).specs.map((s) => `${s.method.toUpperCase()} ${s.path}`);

describe("the HTTP API split between admin-api and patient-pages", () => {
  const staff = routesOf(ADMIN_API_ROUTES);
  const pages = routesOf(PATIENT_PAGE_ROUTES);

  it("serves every route of the documented API from exactly one of the two functions", () => {
    const documented = routeSpecsOf(options).map((s) => `${s.method.toUpperCase()} ${s.path}`);
    expect([...staff, ...pages].sort()).toEqual([...documented].sort());
    expect(staff.filter((r) => pages.includes(r))).toEqual([]);
  });

  it("puts only public pages in patient-pages, each routed there by API Gateway without an authorizer", () => {
    expect(assembleApp(options, PATIENT_PAGE_ROUTES).specs.filter((s) => s.roles)).toEqual([]);
    const routedToPages = PUBLIC_ROUTES.filter((r) => "to" in r).map((r) => `${r.method} ${r.path}`);
    expect([...routedToPages].sort()).toEqual([...pages].sort());
  });

  it("answers a link in patient-pages and not in admin-api, and the staff API only in admin-api", async () => {
    const staffApp = createStaffApiApp(options);
    const pagesApp = createPatientPagesApp({ deps: {} as Deps, authenticate: lambdaAuthorizerClaims });
    const link = "/unsubscribe/a-token";
    expect((await staffApp.request(link)).status).toBe(404);
    expect(await (await staffApp.request(link)).json()).toMatchObject({ code: "no-route" });
    expect(await (await pagesApp.request("/patients")).json()).toMatchObject({ code: "no-route" });
    expect(await (await pagesApp.request("/openapi.json")).json()).toMatchObject({ code: "no-route" });
    // The staff API still refuses a caller without the authorizer's claims, and serves the document.
    expect((await staffApp.request("/patients")).status).toBe(401);
    expect((await staffApp.request("/openapi.json")).status).toBe(200);
  });
});
