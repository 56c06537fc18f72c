import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { cancelSeriesBodySchema, createSeriesBodySchema, seriesSchema } from "../../schemas/series.schema.js";
import { bookSeries } from "../../use-cases/book-series.js";
import { cancelSeries, getSeries } from "../../use-cases/series.js";
import type { AppEnv, AppOptions } from "../app-env.js";
import {
  bearer,
  commonErrors,
  conflict,
  idempotencyHeader,
  idParam,
  jsonBody,
  jsonContent,
  notFound,
  unprocessable,
} from "../openapi-helpers.js";
import { ANY_ROLE, requireRole } from "../require-role.js";
import { createOnce } from "./created.js";

export function registerSeriesRoutes(app: OpenAPIHono<AppEnv>, { deps, authenticate }: AppOptions): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/series",
      tags: ["series"],
      summary: "Plan and book a whole treatment series, all or nothing",
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { headers: idempotencyHeader, ...jsonBody(createSeriesBodySchema) },
      responses: {
        201: jsonContent(seriesSchema, "The booked series with every session and its reminders."),
        ...commonErrors,
        ...notFound,
        ...conflict,
        ...unprocessable,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return createOnce(c, body, (idem) => bookSeries(deps, body, idem));
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/series/{id}",
      tags: ["series"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { params: idParam },
      responses: { 200: jsonContent(seriesSchema, "The series."), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getSeries(deps, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/series/{id}/cancel",
      tags: ["series"],
      summary: "Cancel a series: its future sessions and their reminders",
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { params: idParam, ...jsonBody(cancelSeriesBodySchema) },
      responses: {
        200: jsonContent(seriesSchema, "The cancelled series."),
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => c.json(await cancelSeries(deps, c.req.valid("param").id, c.req.valid("json").reason), 200),
  );
}
