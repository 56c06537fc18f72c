import type { Hono } from "hono";
import { assembleApp, extraRoutes, type RouteGroup } from "./app-assembly.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import type { RouteSpec } from "./route-table.js";
import { registerAgendaRoutes } from "./routes/agenda.routes.js";
import { registerAppointmentRoutes } from "./routes/appointment.routes.js";
import { registerAuditRoutes } from "./routes/audit.routes.js";
import { registerClinicRoutes } from "./routes/clinic.routes.js";
import { registerClosureRoutes } from "./routes/closure.routes.js";
import { registerPatientRoutes } from "./routes/patient.routes.js";
import { registerPatientAnswerRoutes } from "./routes/patient-answer.routes.js";
import { registerRemsRoutes } from "./routes/rems.routes.js";
import { registerSeriesRoutes } from "./routes/series.routes.js";
import { registerHealthRoute, registerOpenApiRoute } from "./routes/service.routes.js";
import { registerStaffRoutes } from "./routes/staff.routes.js";
import { registerUnsubscribeRoutes } from "./routes/unsubscribe.routes.js";

/**
 * Every route of the HTTP API in the OpenAPI document's order: the staff API (staff-api-app.ts, the
 * admin-api function) and the patients' pages (patient-pages-app.ts, the patient-pages function), then the
 * deployment's extra routes and the document itself, which lists all of them. test/api/app-split.test.ts
 * checks that the two functions' lists are this one, split.
 */
const EVERY_ROUTE: readonly RouteGroup[] = [
  registerHealthRoute,
  registerClinicRoutes,
  registerPatientRoutes,
  registerAppointmentRoutes,
  registerAgendaRoutes,
  registerClosureRoutes,
  registerSeriesRoutes,
  registerStaffRoutes,
  registerUnsubscribeRoutes,
  registerPatientAnswerRoutes,
  registerAuditRoutes,
  registerRemsRoutes,
  extraRoutes,
  registerOpenApiRoute,
];

/**
 * The whole HTTP API in one Hono application: what the local server serves (shared/http routes, schemas
 * and errors as the Lambda functions serve them), what the tests call, and what the OpenAPI document
 * describes.
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
