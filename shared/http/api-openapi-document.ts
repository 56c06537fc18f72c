import { openApiDocument } from "./openapi-document.js";
import type { RouteSpec } from "./route-table.js";

/**
 * The admin API's OpenAPI document built in process from its routes' zod schemas, without `servers` (the
 * app sets them from its public URL when serving). Local mode, the tests and the tools serve it this way;
 * the CDK app writes the same document beside admin-api's bundle (infra/openapi-document-file.ts), so the
 * builder and zod's JSON Schema converter stay out of the Lambda's cold start.
 */
export function apiOpenApiDocument(routes: readonly RouteSpec[]): object {
  return openApiDocument(
    routes,
    {
      title: "Clinic scheduler admin API",
      version: "1.0.0",
      description: "Staff-facing API: patients, consultations, treatment series, reminders.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "A Cognito ID token (locally: `npm run token -- staff`). Roles come from `cognito:groups`.",
        },
      },
    },
  );
}
