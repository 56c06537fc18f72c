import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  clinicResponseSchema,
  protocolListSchema,
  putClinicBodySchema,
} from "../../schemas/clinic.schema.js";
import { getClinic, listProtocols, updateClinic } from "../../use-cases/clinic-settings.js";
import type { AppEnv, AppOptions } from "../app-env.js";
import { bearer, commonErrors, jsonBody, jsonContent } from "../openapi-helpers.js";
import { ANY_ROLE, requireRole } from "../require-role.js";

export function registerClinicRoutes(app: OpenAPIHono<AppEnv>, { deps, authenticate }: AppOptions): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/clinic",
      tags: ["clinic"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      responses: { 200: jsonContent(clinicResponseSchema, "The clinic's settings."), ...commonErrors },
    }),
    async (c) => c.json(await getClinic(deps), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/clinic",
      tags: ["clinic"],
      security: bearer,
      middleware: [requireRole(authenticate, ["admin"])] as const,
      request: jsonBody(putClinicBodySchema),
      responses: { 200: jsonContent(clinicResponseSchema, "The saved settings."), ...commonErrors },
    }),
    async (c) => c.json(await updateClinic(deps, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/protocols",
      tags: ["clinic"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      responses: {
        200: jsonContent(protocolListSchema, "The protocols as this clinic runs them."),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await listProtocols(deps), 200),
  );
}
