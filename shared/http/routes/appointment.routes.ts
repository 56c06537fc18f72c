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
import type { AppOptions } from "../app-env.js";
import {
  commonErrors,
  conflict,
  idempotencyHeader,
  idParam,
  jsonContent,
  notFound,
  unprocessable,
} from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";
import { createOnce } from "./created.js";

export function registerAppointmentRoutes(routes: RouteTable, { deps }: AppOptions): void {
  routes.add(
    {
      method: "get",
      path: "/availability",
      operationId: "getAvailability",
      summary: "List free starts for a service",
      description:
        "Every free 15-minute start for `service` between `from` and `to` (clinic-local dates, at most 31 days), within opening hours and capacity.",
      tags: ["appointments"],
      roles: ANY_ROLE,
      request: { query: availabilityQuerySchema },
      responses: { 200: jsonContent(slotsSchema, "Every free 15-minute start."), ...commonErrors },
    },
    async (c, input) => {
      const q = input.query;
      return c.json(await availability(deps, q.service, q.from, q.to), 200);
    },
  );
  routes.add(
    {
      method: "post",
      path: "/appointments",
      audit: { target: "appointment" },
      operationId: "bookAppointment",
      summary: "Book a single appointment",
      description:
        "Books a consultation, integration session, booster or one protocol session, with its reminders, in one transaction. With an `Idempotency-Key`, a repeat returns the first response.",
      tags: ["appointments"],
      roles: ["staff"],
      request: { headers: idempotencyHeader, body: createAppointmentBodySchema },
      responses: {
        201: jsonContent(appointmentSchema, "The booked appointment with its reminders."),
        ...commonErrors,
        ...notFound,
        ...conflict,
        ...unprocessable,
      },
    },
    async (c, input) => {
      const body = input.body;
      return createOnce(c, body, (idem) => bookAppointment(deps, body, idem));
    },
  );
  routes.add(
    {
      method: "get",
      path: "/appointments",
      audit: { target: "appointments", id: (input) => rangeOf(input.query) },
      operationId: "listAppointments",
      summary: "The clinic's agenda between two dates",
      description:
        "Appointments starting between `from` and `to` (clinic-local dates, at most 93 days), by start.",
      tags: ["appointments"],
      roles: ANY_ROLE,
      request: { query: agendaQuerySchema },
      responses: { 200: jsonContent(appointmentListSchema, "The agenda, sorted by start."), ...commonErrors },
    },
    async (c, input) => {
      const q = input.query;
      return c.json(await agenda(deps, q.from, q.to), 200);
    },
  );
  routes.add(
    {
      method: "get",
      path: "/appointments/{id}",
      audit: { target: "appointment", id: (input) => (input.params as { id: string }).id },
      operationId: "getAppointment",
      summary: "Read an appointment",
      description:
        "The appointment with its reminders: what was sent, skipped or is still scheduled, and why.",
      tags: ["appointments"],
      roles: ANY_ROLE,
      request: { params: idParam },
      responses: { 200: jsonContent(appointmentSchema, "The appointment."), ...commonErrors, ...notFound },
    },
    async (c, input) => c.json(await getAppointment(deps, input.params.id), 200),
  );
  const changed = {
    200: jsonContent(appointmentSchema, "The changed appointment."),
    ...commonErrors,
    ...notFound,
    ...conflict,
  };
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/cancel",
      audit: { target: "appointment", id: (input) => (input.params as { id: string }).id },
      operationId: "cancelAppointment",
      summary: "Cancel an appointment and its pending reminders",
      description:
        "Cancels the appointment, frees its chair or office, and sends the patient a cancellation notice.",
      tags: ["appointments"],
      roles: ["staff"],
      request: { params: idParam, body: cancelAppointmentBodySchema },
      responses: changed,
    },
    async (c, input) => c.json(await cancelAppointment(deps, input.params.id, input.body.reason), 200),
  );
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/reschedule",
      audit: { target: "appointment", id: (input) => (input.params as { id: string }).id },
      operationId: "rescheduleAppointment",
      summary: "Move an appointment; its pending reminders move with it",
      description:
        "Moves the appointment to `start` under the same rules as a booking; a series session keeps the protocol's spacing to its neighbours (422 otherwise). The patient gets a reschedule notice.",
      tags: ["appointments"],
      roles: ["staff"],
      request: { params: idParam, body: rescheduleAppointmentBodySchema },
      responses: { ...changed, ...unprocessable },
    },
    async (c, input) => c.json(await rescheduleAppointment(deps, input.params.id, input.body.start), 200),
  );
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/outcome",
      audit: { target: "appointment", id: (input) => (input.params as { id: string }).id },
      operationId: "recordOutcome",
      summary: "Record a consultation's outcome (eligibility)",
      description:
        "A clinician records whether the patient is eligible and for which protocols; eligibility is what lets staff book a series.",
      tags: ["appointments"],
      roles: ["clinician"],
      request: { params: idParam, body: outcomeBodySchema },
      responses: changed,
    },
    async (c, input) =>
      c.json(await recordOutcome(deps, input.params.id, input.body, c.get("principal").sub), 200),
  );
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/attendance",
      audit: { target: "appointment", id: (input) => (input.params as { id: string }).id },
      operationId: "recordAttendance",
      summary: "Record whether the patient came",
      description: "Marks a past appointment `completed` or `no-show`.",
      tags: ["appointments"],
      roles: ["clinician", "staff"],
      request: { params: idParam, body: attendanceBodySchema },
      responses: changed,
    },
    async (c, input) => c.json(await recordAttendance(deps, input.params.id, input.body.status), 200),
  );
}

/** A date range as an audit target: which days of the agenda were read. */
function rangeOf(query: unknown): string {
  const q = query as { from: string; to: string };
  return `${q.from}..${q.to}`;
}
