import type { Hono } from "hono";
import { assembleApp, type RouteGroup } from "./app-assembly.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import { registerPatientAnswerRoutes } from "./routes/patient-answer.routes.js";
import { registerUnsubscribeRoutes } from "./routes/unsubscribe.routes.js";

/**
 * What the patient-pages function serves: the pages behind the links in patients' emails (Confirm or
 * Cancel a visit, leave the booster invitations), public, the signed link being the credential. A function
 * of their own, so what anyone on the internet can reach runs apart from the staff's API, with a role that
 * holds the link key, which admin-api's does not.
 */
export const PATIENT_PAGE_ROUTES: readonly RouteGroup[] = [
  registerUnsubscribeRoutes,
  registerPatientAnswerRoutes,
];

export function createPatientPagesApp(options: AppOptions): Hono<AppEnv> {
  return assembleApp(options, PATIENT_PAGE_ROUTES).app;
}
