import type { Hono } from "hono";
import { assembleApp, extraRoutes, type RouteGroup } from "./app-assembly.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import { PATIENT_PAGE_ROUTES } from "./patient-pages-app.js";
import type { RouteSpec } from "./route-table.js";
import { registerOpenApiRoute } from "./routes/service.routes.js";
import { STAFF_API_ROUTES } from "./staff-api-app.js";

/**
 * Every route of the HTTP API: the staff API (staff-api-app.ts, the admin-api function) and the patients'
 * pages (patient-pages-app.ts, the patient-pages function), then the deployment's extra routes, and last
 * the document, which lists all of them.
 */
const EVERY_ROUTE: readonly RouteGroup[] = [
  ...STAFF_API_ROUTES,
  ...PATIENT_PAGE_ROUTES,
  extraRoutes,
  registerOpenApiRoute,
];

/**
 * The whole HTTP API in one Hono application: what the local server serves (the routes, schemas and errors
 * the Lambda functions serve), what the tests call, and what the OpenAPI document describes.
 */
export function createApp(given: AppOptions): Hono<AppEnv> {
  return assembleApp(given, EVERY_ROUTE).app;
}

/**
 * The routes `createApp(given)` serves, as the specs its OpenAPI document is built from; synchronous, for
 * the CDK app, which writes the document at synth (infra/openapi-document-file.ts).
 */
export function routeSpecsOf(given: AppOptions): readonly RouteSpec[] {
  return assembleApp(given, EVERY_ROUTE).specs;
}
