import { auditPageSchema, auditQuerySchema } from "../../schemas/audit.schema.js";
import { readAuditTrail } from "../../use-cases/audit-trail.js";
import { commonErrors, jsonContent } from "../openapi-helpers.js";
import type { RouteTable } from "../route-table.js";

export function registerAuditRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/audit",
      operationId: "readAuditTrail",
      roles: ["admin"],
      request: { query: auditQuerySchema },
      // Reading the trail is itself recorded, under the actor; it is not an entry of the patient's.
      audit: { target: "audit", id: (input) => auditTargetOf(input.query) },
    },
    async (c, input, deps) => c.json(await readAuditTrail(deps, input.query), 200),
  );
  API_DOCS: routes.describe("readAuditTrail", {
    summary: "Read the audit trail of a patient's data or of a staff member's actions",
    description:
      "Exactly one of `patientId` or `actor` (a token subject), between `from` and `to` (clinic-local dates, at most a year), oldest first, at most `limit` entries; pass `next` for the following page. Entries hold ids, actions and outcomes only.",
    tags: ["audit"],
    responses: {
      200: jsonContent(auditPageSchema, "Entries in time order, and `next` for more."),
      ...commonErrors,
    },
  });
}

function auditTargetOf(query: unknown): string | undefined {
  const q = query as { patientId?: string; actor?: string } | undefined;
  return q?.patientId ?? q?.actor;
}
