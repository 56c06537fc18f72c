import {
  clinicResponseSchema,
  protocolListSchema,
  putClinicBodySchema,
} from "../../schemas/clinic.schema.js";
import { getClinic, listProtocols, updateClinic } from "../../use-cases/clinic-settings.js";
import type { AppOptions } from "../app-env.js";
import { commonErrors, conflict, jsonContent } from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";

export function registerClinicRoutes(routes: RouteTable, { deps }: AppOptions): void {
  routes.add(
    {
      method: "get",
      path: "/clinic",
      tags: ["clinic"],
      roles: ANY_ROLE,
      responses: { 200: jsonContent(clinicResponseSchema, "The clinic's settings."), ...commonErrors },
    },
    async (c) => c.json(await getClinic(deps), 200),
  );
  routes.add(
    {
      method: "put",
      path: "/clinic",
      tags: ["clinic"],
      roles: ["admin"],
      request: { body: putClinicBodySchema },
      responses: {
        200: jsonContent(clinicResponseSchema, "The saved settings."),
        ...commonErrors,
        // Settings that would strand booked appointments: `conflicts: [{ appointmentId, start, reason }]`.
        ...conflict,
      },
    },
    async (c, input) => c.json(await updateClinic(deps, input.body), 200),
  );
  routes.add(
    {
      method: "get",
      path: "/protocols",
      tags: ["clinic"],
      roles: ANY_ROLE,
      responses: {
        200: jsonContent(protocolListSchema, "The protocols as this clinic runs them."),
        ...commonErrors,
      },
    },
    async (c) => c.json(await listProtocols(deps), 200),
  );
}
