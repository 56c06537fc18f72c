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
import type { AppOptions } from "../app-env.js";
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

export function registerPatientRoutes(routes: RouteTable, { deps }: AppOptions): void {
  routes.add(
    {
      method: "post",
      path: "/patients",
      audit: { target: "patient" },
      tags: ["patients"],
      roles: ["staff"],
      request: { headers: idempotencyHeader, body: createPatientBodySchema },
      responses: { 201: jsonContent(patientSchema, "The new patient."), ...commonErrors, ...unprocessable },
    },
    async (c, input) => {
      const body = input.body;
      return createOnce(c, body, (idem) => createPatient(deps, body, idem));
    },
  );
  routes.add(
    {
      method: "get",
      path: "/patients",
      audit: { target: "patient-search", id: () => "-" },
      tags: ["patients"],
      summary: 'Find patients by "last name, first name", phone number or email',
      roles: ANY_ROLE,
      request: { query: patientSearchQuerySchema },
      responses: {
        200: jsonContent(patientSearchResultSchema, "Matching patients, by last name then first name."),
        ...commonErrors,
      },
    },
    async (c, input) => {
      const limit = input.query.limit ?? PATIENT_SEARCH_DEFAULT_LIMIT;
      return c.json(await searchPatients(deps, { ...input.query, limit }), 200);
    },
  );
  routes.add(
    {
      method: "get",
      path: "/patients/{id}",
      audit: { target: "patient", id: (input) => (input.params as { id: string }).id },
      tags: ["patients"],
      roles: ANY_ROLE,
      request: { params: idParam },
      responses: { 200: jsonContent(patientSchema, "The patient."), ...commonErrors, ...notFound },
    },
    async (c, input) => c.json(await getPatient(deps, input.params.id), 200),
  );
  routes.add(
    {
      method: "patch",
      path: "/patients/{id}",
      audit: { target: "patient", id: (input) => (input.params as { id: string }).id },
      tags: ["patients"],
      roles: ["staff"],
      request: { params: idParam, body: patchPatientBodySchema },
      responses: { 200: jsonContent(patientSchema, "The changed patient."), ...commonErrors, ...notFound },
    },
    async (c, input) => c.json(await updatePatient(deps, input.params.id, input.body), 200),
  );
  routes.add(
    {
      method: "get",
      path: "/patients/{id}/appointments",
      audit: { target: "patient", id: (input) => (input.params as { id: string }).id },
      tags: ["patients"],
      roles: ANY_ROLE,
      request: { params: idParam },
      responses: {
        200: jsonContent(appointmentListSchema, "The patient's appointments by start."),
        ...commonErrors,
        ...notFound,
      },
    },
    async (c, input) => c.json({ appointments: await listPatientAppointments(deps, input.params.id) }, 200),
  );
}
