import {
  clinicResponseSchema,
  protocolListSchema,
  putClinicBodySchema,
} from "../../schemas/clinic.schema.js";
import { getClinic, listProtocols, updateClinic } from "../../use-cases/clinic-settings.js";
import { commonErrors, conflict, jsonContent, unprocessable } from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";

export function registerClinicRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/clinic",
      operationId: "getClinic",
      roles: ANY_ROLE,
    },
    async (c, _input, deps) => c.json(await getClinic(deps), 200),
  );
  API_DOCS: routes.describe("getClinic", {
    summary: "Read the clinic's settings",
    description:
      "Hours, closed dates, chairs and offices, and every optional setting with its value in force.",
    tags: ["clinic"],
    responses: { 200: jsonContent(clinicResponseSchema, "The clinic's settings."), ...commonErrors },
  });
  routes.add(
    {
      method: "put",
      path: "/clinic",
      operationId: "putClinic",
      roles: ["admin"],
      request: { body: putClinicBodySchema },
    },
    async (c, input, deps) => c.json(await updateClinic(deps, input.body), 200),
  );
  API_DOCS: routes.describe("putClinic", {
    summary: "Replace the clinic's settings",
    description:
      "Replaces every setting; optional ones left out take their defaults. Settings that would strand booked appointments (a closed date, shorter hours, fewer chairs or offices, another time zone) are refused with 409 and the list. `subjectName`, the name email subjects and calendar titles use, is refused (422, naming the word) when it names a drug, a treatment or a diagnosis in any of several languages, however it is spelled.",
    tags: ["clinic"],
    responses: {
      200: jsonContent(clinicResponseSchema, "The saved settings."),
      ...commonErrors,
      // Settings that would strand booked appointments: `conflicts: [{ appointmentId, start, reason }]`.
      ...conflict,
      ...unprocessable,
    },
  });
  routes.add(
    {
      method: "get",
      path: "/protocols",
      operationId: "listProtocols",
      roles: ANY_ROLE,
    },
    async (c, _input, deps) => c.json(await listProtocols(deps), 200),
  );
  API_DOCS: routes.describe("listProtocols", {
    summary: "List the protocols as this clinic runs them",
    description:
      "The shipped protocols (IV, IM, esketamine, KAP) with the clinic's tuned numbers: sessions, spacing, chair time, fasting and driver rules, booster timing, REMS.",
    tags: ["clinic"],
    responses: {
      200: jsonContent(protocolListSchema, "The protocols as this clinic runs them."),
      ...commonErrors,
    },
  });
}
