import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { appointmentListSchema } from "../../schemas/appointment.schema.js";
import {
  createPatientBodySchema,
  patchPatientBodySchema,
  patientSchema,
} from "../../schemas/patient.schema.js";
import {
  createPatient,
  getPatient,
  listPatientAppointments,
  updatePatient,
} from "../../use-cases/patients.js";
import type { AppEnv, AppOptions } from "../app-env.js";
import {
  bearer,
  commonErrors,
  idempotencyHeader,
  idParam,
  jsonBody,
  jsonContent,
  notFound,
  unprocessable,
} from "../openapi-helpers.js";
import { ANY_ROLE, requireRole } from "../require-role.js";
import { createOnce } from "./created.js";

export function registerPatientRoutes(app: OpenAPIHono<AppEnv>, { deps, authenticate }: AppOptions): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/patients",
      tags: ["patients"],
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { headers: idempotencyHeader, ...jsonBody(createPatientBodySchema) },
      responses: { 201: jsonContent(patientSchema, "The new patient."), ...commonErrors, ...unprocessable },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return createOnce(c, body, (idem) => createPatient(deps, body, idem));
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/patients/{id}",
      tags: ["patients"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { params: idParam },
      responses: { 200: jsonContent(patientSchema, "The patient."), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getPatient(deps, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/patients/{id}",
      tags: ["patients"],
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { params: idParam, ...jsonBody(patchPatientBodySchema) },
      responses: { 200: jsonContent(patientSchema, "The changed patient."), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await updatePatient(deps, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/patients/{id}/appointments",
      tags: ["patients"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { params: idParam },
      responses: {
        200: jsonContent(appointmentListSchema, "The patient's appointments by start."),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => c.json({ appointments: await listPatientAppointments(deps, c.req.valid("param").id) }, 200),
  );
}
