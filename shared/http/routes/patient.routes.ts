import { appointmentListSchema } from "../../schemas/appointment.schema.js";
import {
  createPatientBodySchema,
  patchPatientBodySchema,
  patientSchema,
} from "../../schemas/patient.schema.js";
import {
  PATIENT_SEARCH_DEFAULT_LIMIT,
  patientSearchQuerySchema,
  patientSearchResultSchema,
} from "../../schemas/patient-search.schema.js";
import {
  createPatient,
  getPatient,
  listPatientAppointments,
  searchPatients,
  updatePatient,
} from "../../use-cases/patients.js";
import { auditOfPathId } from "../audit-trail.js";
import {
  commonErrors,
  idempotencyHeader,
  idParam,
  jsonContent,
  notFound,
  unprocessable,
} from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";
import { createOnce } from "./created.js";

export function registerPatientRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "post",
      path: "/patients",
      audit: { target: "patient", successStatus: 201 },
      operationId: "createPatient",
      roles: ["staff"],
      request: { headers: idempotencyHeader, body: createPatientBodySchema },
    },
    async (c, input, deps) => {
      const body = input.body;
      return createOnce(c, body, (idem) => createPatient(deps, body, idem));
    },
  );
  API_DOCS: routes.describe("createPatient", {
    summary: "Register a patient",
    description:
      "Creates a patient. With an `Idempotency-Key`, a repeat of the same request returns the first response and creates nothing.",
    tags: ["patients"],
    responses: { 201: jsonContent(patientSchema, "The new patient."), ...commonErrors, ...unprocessable },
  });
  routes.add(
    {
      method: "get",
      path: "/patients",
      audit: { target: "patient-search", id: () => "-" },
      operationId: "searchPatients",
      roles: ANY_ROLE,
      request: { query: patientSearchQuerySchema },
    },
    async (c, input, deps) => {
      const limit = input.query.limit ?? PATIENT_SEARCH_DEFAULT_LIMIT;
      return c.json(await searchPatients(deps, { ...input.query, limit }), 200);
    },
  );
  API_DOCS: routes.describe("searchPatients", {
    summary: 'Find patients by "last name, first name", phone number or email',
    description:
      "Exactly one of `name`, `phone` or `email`. Answers at most `limit` patients by last name then first name; `more` says to narrow the search. There is no cursor: it would carry a patient's name in a URL.",
    tags: ["patients"],
    responses: {
      200: jsonContent(patientSearchResultSchema, "Matching patients, by last name then first name."),
      ...commonErrors,
    },
  });
  routes.add(
    {
      method: "get",
      path: "/patients/{id}",
      audit: auditOfPathId("patient"),
      operationId: "getPatient",
      roles: ANY_ROLE,
      request: { params: idParam },
    },
    async (c, input, deps) => c.json(await getPatient(deps, input.params.id), 200),
  );
  API_DOCS: routes.describe("getPatient", {
    summary: "Read a patient",
    description:
      "The patient's contact details, consent, email status and the protocols they are eligible for.",
    tags: ["patients"],
    responses: { 200: jsonContent(patientSchema, "The patient."), ...commonErrors, ...notFound },
  });
  routes.add(
    {
      method: "patch",
      path: "/patients/{id}",
      audit: auditOfPathId("patient"),
      operationId: "updatePatient",
      roles: ["staff"],
      request: { params: idParam, body: patchPatientBodySchema },
    },
    async (c, input, deps) => c.json(await updatePatient(deps, input.params.id, input.body), 200),
  );
  API_DOCS: routes.describe("updatePatient", {
    summary: "Correct a patient's details",
    description:
      "Changes the fields given. A new email address resets `emailStatus` to `ok` and invalidates earlier unsubscribe links; `boosterOptOut: false` undoes an opt-out.",
    tags: ["patients"],
    responses: { 200: jsonContent(patientSchema, "The changed patient."), ...commonErrors, ...notFound },
  });
  routes.add(
    {
      method: "get",
      path: "/patients/{id}/appointments",
      audit: auditOfPathId("patient"),
      operationId: "listPatientAppointments",
      roles: ANY_ROLE,
      request: { params: idParam },
    },
    async (c, input, deps) =>
      c.json({ appointments: await listPatientAppointments(deps, input.params.id) }, 200),
  );
  API_DOCS: routes.describe("listPatientAppointments", {
    summary: "List a patient's appointments",
    description: "Every appointment of the patient, with its reminders, by start.",
    tags: ["patients"],
    responses: {
      200: jsonContent(appointmentListSchema, "The patient's appointments by start."),
      ...commonErrors,
      ...notFound,
    },
  });
}
