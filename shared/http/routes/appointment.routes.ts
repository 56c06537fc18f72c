import * as z from "zod/mini";
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
import { appointmentsBetween, availability, moveAvailability } from "../../use-cases/calendar-queries.js";
import { recordAttendance, recordOutcome } from "../../use-cases/clinical-records.js";
import { resendReminder } from "../../use-cases/resend-reminder.js";
import { auditOfPathId } from "../audit-trail.js";
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

const reminderParams = z.extend(idParam, {
  reminderId: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))
    .register(z.globalRegistry, { description: "The id of one of the appointment's reminders." }),
});

export function registerAppointmentRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/availability",
      operationId: "getAvailability",
      roles: ANY_ROLE,
      request: { query: availabilityQuerySchema },
    },
    async (c, input, deps) => {
      const q = input.query;
      // The schema lets exactly one of the two through.
      const slots =
        q.forAppointment !== undefined
          ? await moveAvailability(deps, q.forAppointment, q.from, q.to)
          : await availability(deps, q.service!, q.from, q.to);
      return c.json(slots, 200);
    },
  );
  API_DOCS: routes.describe("getAvailability", {
    summary: "Free starts for a service, or for moving one appointment",
    description:
      "With `service`: every free 15-minute start whose arrival time is still ahead. With " +
      "`forAppointment`: the starts a reschedule of that booked appointment would accept (its own " +
      "length, not blocked by itself, and for a series session the protocol's spacing to its " +
      "neighbours and its window).",
    tags: ["appointments"],
    responses: {
      200: jsonContent(slotsSchema, "Every free 15-minute start."),
      ...commonErrors,
      ...notFound,
      ...conflict,
    },
  });
  routes.add(
    {
      method: "post",
      path: "/appointments",
      audit: { target: "appointment", successStatus: 201 },
      operationId: "bookAppointment",
      roles: ["staff"],
      request: { headers: idempotencyHeader, body: createAppointmentBodySchema },
    },
    async (c, input, deps) => {
      const body = input.body;
      return createOnce(c, body, (idem) => bookAppointment(deps, body, idem));
    },
  );
  API_DOCS: routes.describe("bookAppointment", {
    summary: "Book a single appointment",
    description:
      "Books a consultation, integration session, booster or one protocol session, with its reminders, in one transaction. With an `Idempotency-Key`, a repeat returns the first response.",
    tags: ["appointments"],
    responses: {
      201: jsonContent(appointmentSchema, "The booked appointment with its reminders."),
      ...commonErrors,
      ...notFound,
      ...conflict,
      ...unprocessable,
    },
  });
  routes.add(
    {
      method: "get",
      path: "/appointments",
      audit: { target: "appointments", id: (input) => rangeOf(input.query) },
      operationId: "listAppointments",
      roles: ANY_ROLE,
      request: { query: agendaQuerySchema },
    },
    async (c, input, deps) => {
      const q = input.query;
      return c.json(await appointmentsBetween(deps, q.from, q.to, q.confirmation), 200);
    },
  );
  API_DOCS: routes.describe("listAppointments", {
    summary: "The clinic's agenda between two dates",
    description:
      "Appointments starting between `from` and `to` (clinic-local dates, at most 93 days), by start.",
    tags: ["appointments"],
    responses: { 200: jsonContent(appointmentListSchema, "The agenda, sorted by start."), ...commonErrors },
  });
  routes.add(
    {
      method: "get",
      path: "/appointments/{id}",
      audit: auditOfPathId("appointment"),
      operationId: "getAppointment",
      roles: ANY_ROLE,
      request: { params: idParam },
    },
    async (c, input, deps) => c.json(await getAppointment(deps, input.params.id), 200),
  );
  API_DOCS: routes.describe("getAppointment", {
    summary: "Read an appointment",
    description: "The appointment with its reminders: what was sent, skipped or is still scheduled, and why.",
    tags: ["appointments"],
    responses: { 200: jsonContent(appointmentSchema, "The appointment."), ...commonErrors, ...notFound },
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/cancel",
      audit: auditOfPathId("appointment"),
      operationId: "cancelAppointment",
      roles: ["staff"],
      request: { params: idParam, body: cancelAppointmentBodySchema },
    },
    async (c, input, deps) => c.json(await cancelAppointment(deps, input.params.id, input.body.reason), 200),
  );
  API_DOCS: routes.describe("cancelAppointment", {
    summary: "Cancel an appointment and its pending reminders",
    description:
      "Cancels the appointment, frees its chair or office, and sends the patient a cancellation notice.",
    tags: ["appointments"],
    responses: changedResponses(),
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/reschedule",
      audit: auditOfPathId("appointment"),
      operationId: "rescheduleAppointment",
      roles: ["staff"],
      request: { params: idParam, body: rescheduleAppointmentBodySchema },
    },
    async (c, input, deps) =>
      c.json(
        await rescheduleAppointment(deps, input.params.id, input.body.start, {
          withoutStaff: input.body.withoutStaff ?? [],
        }),
        200,
      ),
  );
  API_DOCS: routes.describe("rescheduleAppointment", {
    summary: "Move an appointment; its pending reminders move with it",
    description:
      "Moves the appointment to `start` under the same rules as a booking; a series session keeps the protocol's spacing to its neighbours (422 otherwise). A KAP integration session stays on its days after its dosing session, and a dosing session moved past its integration session takes it along (same time of day and therapist where free; each gets its notice), or 422 `integration-window`. The patient gets a reschedule notice. In a staffed clinic the session keeps its people where they are free; `withoutStaff` hands it to others (409 `staff-unavailable` if nobody else is free). With the same `start`, only the people change and the patient is told nothing.",
    tags: ["appointments"],
    responses: { ...changedResponses(), ...unprocessable },
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/outcome",
      audit: auditOfPathId("appointment"),
      operationId: "recordOutcome",
      roles: ["clinician"],
      request: { params: idParam, body: outcomeBodySchema },
    },
    async (c, input, deps) =>
      c.json(await recordOutcome(deps, input.params.id, input.body, c.get("principal").sub), 200),
  );
  API_DOCS: routes.describe("recordOutcome", {
    summary: "Record a consultation's outcome (eligibility)",
    description:
      "A clinician records whether the patient is eligible and for which protocols; eligibility is what lets staff book a series.",
    tags: ["appointments"],
    responses: changedResponses(),
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/attendance",
      audit: auditOfPathId("appointment"),
      operationId: "recordAttendance",
      roles: ["clinician", "staff"],
      request: { params: idParam, body: attendanceBodySchema },
    },
    async (c, input, deps) => c.json(await recordAttendance(deps, input.params.id, input.body.status), 200),
  );
  API_DOCS: routes.describe("recordAttendance", {
    summary: "Record whether the patient came",
    description: "Marks a past appointment `completed` or `no-show`.",
    tags: ["appointments"],
    responses: changedResponses(),
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/reminders/{reminderId}/resend",
      operationId: "resendReminder",
      audit: auditOfPathId("appointment", { successStatus: 202 }),
      roles: ["staff"],
      request: { params: reminderParams, headers: idempotencyHeader },
    },
    async (c, input, deps) => {
      const { id, reminderId } = input.params;
      return createOnce(c, input.params, (idem) => resendReminder(deps, id, reminderId, idem), 202);
    },
  );
  API_DOCS: routes.describe("resendReminder", {
    summary: "Send the patient a copy of an email they say never arrived",
    description:
      "Only for a reminder that was `sent` or `failed`, and only while what it says is still true (409 " +
      "with `code` `stale` otherwise: a confirmation, preparation or day-before reminder of an " +
      "appointment that is cancelled or has started, a reschedule notice that is not the latest, a " +
      "cancellation notice whose time has passed, a booster invitation the patient stopped). 409 " +
      "`copy-pending` while a copy is still on its way, `no-email` when the patient has no consent or a " +
      "bounced address. The copy is a reminder of its own on the appointment (`resendOf`), due now, and " +
      "goes through the usual pipeline: the answer (202) comes before the email.",
    tags: ["appointments"],
    responses: {
      202: jsonContent(appointmentSchema, "The appointment, with the copy among its reminders."),
      ...commonErrors,
      ...notFound,
      ...conflict,
    },
  });
}

/** The documented answers of a route that changes an appointment; a function, for bundles without docs. */
function changedResponses() {
  return {
    200: jsonContent(appointmentSchema, "The changed appointment."),
    ...commonErrors,
    ...notFound,
    ...conflict,
  };
}

/** A date range as an audit target: which days of the agenda were read. */
function rangeOf(query: unknown): string {
  const q = query as { from: string; to: string };
  return `${q.from}..${q.to}`;
}
