import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { fieldErrors } from "../schemas/problem.schema.js";
import type { AppEnv, AppOptions } from "./app-env.js";
import { mapError } from "./error-mapping.js";
import { problemResponse } from "./problem.js";
import { registerAppointmentRoutes } from "./routes/appointment.routes.js";
import { registerClinicRoutes } from "./routes/clinic.routes.js";
import { registerPatientRoutes } from "./routes/patient.routes.js";
import { registerSeriesRoutes } from "./routes/series.routes.js";
import { registerUnsubscribeRoutes } from "./routes/unsubscribe.routes.js";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The admin API: one Hono application served by Lambda (API Gateway HTTP API) and by the local Node
 * server, with the same routes, schemas and errors.
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === "json" ? "" : result.target === "param" ? "path" : result.target;
        const errors = fieldErrors(result.error, where);
        return problemResponse(
          c,
          400,
          `The request does not match the schema: ${errors.map((e) => e.path).join(", ")}.`,
          {
            code: "validation",
            errors,
          },
        );
      }
    },
  });
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

  app.get("/health", (c) => c.json({ ok: true }));
  registerClinicRoutes(app, options);
  registerPatientRoutes(app, options);
  registerAppointmentRoutes(app, options);
  registerSeriesRoutes(app, options);
  registerUnsubscribeRoutes(app, options);
  options.extraRoutes?.(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A Cognito ID token (locally: `npm run token -- staff`). Roles come from `cognito:groups`.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Clinic scheduler admin API",
      version: "1.0.0",
      description: "Staff-facing API: patients, consultations, treatment series, reminders.",
    },
    ...(options.publicUrl ? { servers: [{ url: options.publicUrl }] } : {}),
  });
  return app;
}
