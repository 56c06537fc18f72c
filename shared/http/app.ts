import { cors } from "hono/cors";
// hono/tiny: the smallest router (PatternRouter), plenty for a few dozen routes; 6 KB less in every cold start.
import { Hono } from "hono/tiny";
import { auditedStore } from "../audit/audited-store.js";
import { healthSchema } from "../schemas/health.schema.js";
import { openApiDocumentSchema } from "../schemas/openapi-document.schema.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import { bodyLimit } from "./body-limit.js";
import { mapError } from "./error-mapping.js";
import { jsonContent, tooLarge } from "./openapi-helpers.js";
import { OpenApiDocumentUnavailable, withServer } from "./openapi-source.js";
import { problemResponse } from "./problem.js";
import { type RouteSpec, RouteTable } from "./route-table.js";
import { registerAgendaRoutes } from "./routes/agenda.routes.js";
import { registerAppointmentRoutes } from "./routes/appointment.routes.js";
import { registerAuditRoutes } from "./routes/audit.routes.js";
import { registerClinicRoutes } from "./routes/clinic.routes.js";
import { registerClosureRoutes } from "./routes/closure.routes.js";
import { registerPatientRoutes } from "./routes/patient.routes.js";
import { registerPatientAnswerRoutes } from "./routes/patient-answer.routes.js";
import { registerRemsRoutes } from "./routes/rems.routes.js";
import { registerSeriesRoutes } from "./routes/series.routes.js";
import { registerStaffRoutes } from "./routes/staff.routes.js";
import { registerUnsubscribeRoutes } from "./routes/unsubscribe.routes.js";
import { everyResponseHeaders } from "./security-headers.js";
import { closeConnectionWhenBodyUnread } from "./unread-body.js";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The admin API: one Hono application served by Lambda (API Gateway HTTP API) and by the local Node
 * server, with the same routes, schemas and errors.
 */
export function createApp(given: AppOptions): Hono<AppEnv> {
  return assemble(given).app;
}

/**
 * The routes `createApp(given)` serves, as the specs its OpenAPI document is built from; synchronous, for
 * the CDK app, which writes admin-api's document at synth (infra/openapi-document-file.ts).
 */
export function routeSpecsOf(given: AppOptions): readonly RouteSpec[] {
  return assemble(given).specs;
}

function assemble(given: AppOptions): { app: Hono<AppEnv>; specs: readonly RouteSpec[] } {
  // Use cases write through the audited store: a change commits with its request's audit entry.
  // (A document-only app, built to print /openapi.json, has no store to wrap.)
  const store = given.deps.store ? auditedStore(given.deps.store) : given.deps.store;
  const options: AppOptions = { ...given, deps: { ...given.deps, store } };
  const app = new Hono<AppEnv>();
  app.use("*", ...everyResponseHeaders, closeConnectionWhenBodyUnread);
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(c, 413, "The request body is too large.", { code: "too-large" }),
    }),
  );
  if (options.corsOrigins?.length) {
    // Answered here rather than by API Gateway, whose CORS setting cannot name the console's origin
    // (infra/stateless-stack.ts). Preflights reach this app through a public OPTIONS route.
    app.use(
      "*",
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        allowHeaders: ["authorization", "content-type", "idempotency-key"],
        exposeHeaders: ["idempotent-replayed"],
        maxAge: 3600,
      }),
    );
  }
  app.onError(mapError);
  app.notFound((c) =>
    problemResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`, { code: "no-route" }),
  );

  const routes = new RouteTable(app, options.authenticate, {
    store: given.deps.store,
    clock: given.deps.clock,
  });
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
  registerClinicRoutes(routes, options);
  registerPatientRoutes(routes, options);
  registerAppointmentRoutes(routes, options);
  registerAgendaRoutes(routes, options);
  registerClosureRoutes(routes, options);
  registerSeriesRoutes(routes, options);
  registerStaffRoutes(routes, options);
  registerUnsubscribeRoutes(routes, options);
  registerPatientAnswerRoutes(routes, options);
  registerAuditRoutes(routes, options);
  registerRemsRoutes(routes, options);
  options.extraRoutes?.(routes);

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
        document ??= withServer(await options.openApiDocument(routes.specs), options.publicUrl);
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
  return { app, specs: routes.specs };
}
