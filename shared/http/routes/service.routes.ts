import { healthSchema } from "../../schemas/health.schema.js";
import { openApiDocumentSchema } from "../../schemas/openapi-document.schema.js";
import type { AppOptions } from "../app-env.js";
import { jsonContent, tooLarge } from "../openapi-helpers.js";
import { OpenApiDocumentUnavailable, withServer } from "../openapi-source.js";
import { problemResponse } from "../problem.js";
import type { RouteTable } from "../route-table.js";

/** GET /health: the probe, public and reading nothing. */
export function registerHealthRoute(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/health",
      operationId: "getHealth",
    },
    (c) => c.json({ ok: true as const }, 200),
  );
  API_DOCS: routes.describe("getHealth", {
    summary: "Health probe",
    description: "Answers 200 while the function can serve requests. Reads nothing and needs no token.",
    tags: ["service"],
    responses: { 200: jsonContent(healthSchema, "The API is up."), ...tooLarge },
  });
}

/**
 * GET /openapi.json: the document of every route registered on `routes` by the time it is first asked for
 * (so registered last), or the file the deployment wrote, whichever `options.openApiDocument` reads.
 */
export function registerOpenApiRoute(routes: RouteTable, options: AppOptions): void {
  const { openApiDocument } = options;
  if (!openApiDocument) throw new Error("An app that serves /openapi.json needs AppOptions.openApiDocument");
  // Produced on the first request, not at cold start: only tools and people read it.
  let document: object | undefined;
  routes.add(
    {
      method: "get",
      path: "/openapi.json",
      operationId: "getOpenApiDocument",
    },
    async (c) => {
      try {
        document ??= withServer(await openApiDocument(routes.specs), options.publicUrl);
      } catch (error) {
        if (!(error instanceof OpenApiDocumentUnavailable)) throw error;
        // Logged where it was found missing; the caller did nothing wrong and may retry later.
        return problemResponse(c, 503, "The OpenAPI document is not available at the moment.", {
          code: "openapi-unavailable",
        });
      }
      return c.json(document, 200);
    },
  );
  API_DOCS: routes.describe("getOpenApiDocument", {
    summary: "This OpenAPI 3.1 document",
    description:
      "Every route the API serves, generated from the same zod schemas that validate requests. Needs no token.",
    tags: ["service"],
    responses: { 200: jsonContent(openApiDocumentSchema, "The OpenAPI 3.1 document."), ...tooLarge },
  });
}
