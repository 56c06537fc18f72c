import type { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import type { AppEnv, AppOptions } from "../http/app-env.js";
import { lambdaAuthorizerClaims } from "../http/authenticators.js";
import { openApiDocumentFile } from "../http/openapi-file.js";
import { createStaffApiApp } from "../http/staff-api-app.js";
import type { Deps } from "../use-cases/deps.js";

export interface AdminApiOptions {
  deps: Deps;
  /** Browser origins allowed to call the API: the staff console's (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /**
   * The OpenAPI document the CDK app wrote beside the bundle (OPENAPI_FILE_NAME), served at GET
   * /openapi.json: the builder and zod's JSON Schema converter are not in the function.
   */
  openApiFile: URL;
  /** Base URL for the document's `servers`; the deployed function has none, as before the file. */
  publicUrl?: string;
}

const appOptions = (options: AdminApiOptions): AppOptions => ({
  deps: options.deps,
  authenticate: lambdaAuthorizerClaims,
  corsOrigins: options.corsOrigins,
  publicUrl: options.publicUrl,
  openApiDocument: openApiDocumentFile(options.openApiFile),
});

/**
 * The staff API as the Lambda serves it: callers verified by API Gateway's JWT authorizer. The patients'
 * pages are the patient-pages function's (patient-pages-handler.ts).
 */
export function makeAdminApiApp(options: AdminApiOptions): Hono<AppEnv> {
  return createStaffApiApp(appOptions(options));
}

/** API Gateway (HTTP API, payload v2) invokes this. */
export const makeAdminApiHandler = (options: AdminApiOptions) => handle(makeAdminApiApp(options));
