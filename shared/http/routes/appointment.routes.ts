import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  agendaQuerySchema,
  appointmentListSchema,
  appointmentSchema,
  attendanceBodySchema,
  cancelAppointmentBodySchema,
  createAppointmentBodySchema,
  outcomeBodySchema,
  rescheduleAppointmentBodySchema,
} from "../../schemas/appointment.schema.js";
import { availabilityQuerySchema, slotsSchema } from "../../schemas/availability.schema.js";
import {
  cancelAppointment,
  getAppointment,
  rescheduleAppointment,
} from "../../use-cases/appointment-changes.js";
import { bookAppointment } from "../../use-cases/book-appointment.js";
import { agenda, availability } from "../../use-cases/calendar-queries.js";
import { recordAttendance, recordOutcome } from "../../use-cases/clinical-records.js";
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

export function registerAppointmentRoutes(
  app: OpenAPIHono<AppEnv>,
  { deps, authenticate }: AppOptions,
): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/availability",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { query: availabilityQuerySchema },
      responses: { 200: jsonContent(slotsSchema, "Every free 15-minute start."), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await availability(deps, q.service, q.from, q.to), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/appointments",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { headers: idempotencyHeader, ...jsonBody(createAppointmentBodySchema) },
      responses: {
        201: jsonContent(appointmentSchema, "The booked appointment with its reminders."),
        ...commonErrors,
        ...notFound,
        ...conflict,
        ...unprocessable,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return createOnce(c, body, (idem) => bookAppointment(deps, body, idem));
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/appointments",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { query: agendaQuerySchema },
      responses: { 200: jsonContent(appointmentListSchema, "The agenda, sorted by start."), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await agenda(deps, q.from, q.to), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/appointments/{id}",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ANY_ROLE)] as const,
      request: { params: idParam },
      responses: { 200: jsonContent(appointmentSchema, "The appointment."), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getAppointment(deps, c.req.valid("param").id), 200),
  );
  const changed = {
    200: jsonContent(appointmentSchema, "The changed appointment."),
    ...commonErrors,
    ...notFound,
    ...conflict,
  };
  app.openapi(
    createRoute({
      method: "post",
      path: "/appointments/{id}/cancel",
      summary: "Cancel an appointment and its pending reminders",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { params: idParam, ...jsonBody(cancelAppointmentBodySchema) },
      responses: changed,
    }),
    async (c) =>
      c.json(await cancelAppointment(deps, c.req.valid("param").id, c.req.valid("json").reason), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/appointments/{id}/reschedule",
      summary: "Move an appointment; its pending reminders move with it",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ["staff"])] as const,
      request: { params: idParam, ...jsonBody(rescheduleAppointmentBodySchema) },
      responses: { ...changed, ...unprocessable },
    }),
    async (c) =>
      c.json(await rescheduleAppointment(deps, c.req.valid("param").id, c.req.valid("json").start), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/appointments/{id}/outcome",
      summary: "Record a consultation's outcome (eligibility)",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ["clinician"])] as const,
      request: { params: idParam, ...jsonBody(outcomeBodySchema) },
      responses: changed,
    }),
    async (c) =>
      c.json(
        await recordOutcome(deps, c.req.valid("param").id, c.req.valid("json"), c.get("principal").sub),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/appointments/{id}/attendance",
      summary: "Record whether the patient came",
      tags: ["appointments"],
      security: bearer,
      middleware: [requireRole(authenticate, ["clinician", "staff"])] as const,
      request: { params: idParam, ...jsonBody(attendanceBodySchema) },
      responses: changed,
    }),
    async (c) =>
      c.json(await recordAttendance(deps, c.req.valid("param").id, c.req.valid("json").status), 200),
  );
}
