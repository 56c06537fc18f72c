import type { Hono } from "hono";
import { assembleApp, type RouteGroup } from "./app-assembly.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import { registerAgendaRoutes } from "./routes/agenda.routes.js";
import { registerAppointmentRoutes } from "./routes/appointment.routes.js";
import { registerAuditRoutes } from "./routes/audit.routes.js";
import { registerClinicRoutes } from "./routes/clinic.routes.js";
import { registerClosureRoutes } from "./routes/closure.routes.js";
import { registerPatientRoutes } from "./routes/patient.routes.js";
import { registerRemsRoutes } from "./routes/rems.routes.js";
import { registerSeriesRoutes } from "./routes/series.routes.js";
import { registerHealthRoute, registerOpenApiRoute } from "./routes/service.routes.js";
import { registerStaffRoutes } from "./routes/staff.routes.js";

/**
 * What the admin-api function serves: the staff's API behind the JWT authorizer and the health probe, and
 * then the OpenAPI document (`createStaffApiApp`). The pages patients open from their emails are another
 * function's (patient-pages-app.ts). `createApp` serves both.
 */
export const STAFF_API_ROUTES: readonly RouteGroup[] = [
  registerHealthRoute,
  registerClinicRoutes,
  registerPatientRoutes,
  registerAppointmentRoutes,
  registerAgendaRoutes,
  registerClosureRoutes,
  registerSeriesRoutes,
  registerStaffRoutes,
  registerAuditRoutes,
  registerRemsRoutes,
];

/** What the admin-api function serves: the staff API, then the document (which reads it from a file). */
export const ADMIN_API_ROUTES: readonly RouteGroup[] = [...STAFF_API_ROUTES, registerOpenApiRoute];

export function createStaffApiApp(options: AppOptions): Hono<AppEnv> {
  return assembleApp(options, ADMIN_API_ROUTES).app;
}
