import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, AppOptions } from "./app-env.js";
import { mapError } from "./error-mapping.js";
import { openApiDocument } from "./openapi-document.js";
import { problemResponse } from "./problem.js";
import { RouteTable } from "./route-table.js";
import { registerAgendaRoutes } from "./routes/agenda.routes.js";
import { registerAppointmentRoutes } from "./routes/appointment.routes.js";
import { registerClinicRoutes } from "./routes/clinic.routes.js";
import { registerClosureRoutes } from "./routes/closure.routes.js";
import { registerPatientRoutes } from "./routes/patient.routes.js";
import { registerSeriesRoutes } from "./routes/series.routes.js";
import { registerUnsubscribeRoutes } from "./routes/unsubscribe.routes.js";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The admin API: one Hono application served by Lambda (API Gateway HTTP API) and by the local Node
 * server, with the same routes, schemas and errors.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(c, 413, "The request body is too large.", { code: "too-large" }),
    }),
  );
  app.onError(mapError);
  app.notFound((c) =>
    problemResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`, { code: "no-route" }),
  );

  const routes = new RouteTable(app, options.authenticate);
  app.get("/health", (c) => c.json({ ok: true }));
  registerClinicRoutes(routes, options);
  registerPatientRoutes(routes, options);
  registerAppointmentRoutes(routes, options);
  registerAgendaRoutes(routes, options);
  registerClosureRoutes(routes, options);
  registerSeriesRoutes(routes, options);
  registerUnsubscribeRoutes(routes, options);
  options.extraRoutes?.(routes);

  // Built on first request, not at cold start: only tools and people read it.
  let document: object | undefined;
  app.get("/openapi.json", (c) => {
    document ??= openApiDocument(
      routes.specs,
      {
        title: "Clinic scheduler admin API",
        version: "1.0.0",
        description: "Staff-facing API: patients, consultations, treatment series, reminders.",
      },
      {
        ...(options.publicUrl ? { serverUrl: options.publicUrl } : {}),
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
    return c.json(document);
  });
  return app;
}
