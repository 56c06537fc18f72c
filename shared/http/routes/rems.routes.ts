import { appointmentSchema } from "../../schemas/appointment.schema.js";
import {
  remsFormBodySchema,
  remsFormListSchema,
  remsFormsQuerySchema,
} from "../../schemas/rems-form.schema.js";
import { DEFAULT_SUBMITTED_DAYS, listRemsForms, recordRemsFormOf } from "../../use-cases/rems-forms.js";
import { auditOfPathId } from "../audit-trail.js";
import { commonErrors, conflict, idParam, jsonContent, notFound, unprocessable } from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";

/** The esketamine REMS program's Patient Monitoring Forms: what is owed, and recording one as filed. */
export function registerRemsRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/rems/monitoring-forms",
      operationId: "listRemsMonitoringForms",
      audit: { target: "rems-forms", id: (input) => listedRange(input.query) },
      roles: ANY_ROLE,
      request: { query: remsFormsQuerySchema },
    },
    async (c, input, deps) => c.json(await listRemsForms(deps, input.query), 200),
  );
  API_DOCS: routes.describe("listRemsMonitoringForms", {
    summary: "REMS Patient Monitoring Forms: due, overdue or submitted",
    description:
      "Each completed esketamine session (or esketamine booster) owes a monitoring form by the end of the " +
      "7th clinic-local day after the session's date (`dueBy`): `due` until then, `overdue` after, " +
      "`submitted` once a clinician records it. Booked, cancelled and missed sessions owe none. Without " +
      "`status`: every form still to file. Due and overdue forms come by due time; submitted ones by " +
      `session date, between \`from\` and \`to\` (at most 93 days; default the last ${DEFAULT_SUBMITTED_DAYS} ` +
      "days). Read from an index: a change may take a moment to show.",
    tags: ["appointments"],
    responses: { 200: jsonContent(remsFormListSchema, "The forms, oldest due first."), ...commonErrors },
  });
  routes.add(
    {
      method: "post",
      path: "/appointments/{id}/rems-form",
      operationId: "recordRemsMonitoringForm",
      audit: auditOfPathId("appointment"),
      roles: ["clinician"],
      request: { params: idParam, body: remsFormBodySchema },
    },
    async (c, input, deps) =>
      c.json(await recordRemsFormOf(deps, input.params.id, input.body, c.get("principal").sub), 200),
  );
  API_DOCS: routes.describe("recordRemsMonitoringForm", {
    summary: "Record a session's REMS Patient Monitoring Form as filed",
    description:
      "A clinician records that the session's form was filed with the REMS program (`submittedAt`, not " +
      "in the future and not before the session started: 422 naming the field) with the program's " +
      "`reference`. Only a completed esketamine session or esketamine booster has a form (409 " +
      "`not-a-rems-session` or `not-completed`). The first record stands: the same one again answers " +
      "200 and changes nothing (a retry), a different one is 409 `rems-form-recorded`. Once recorded, " +
      "the session can no longer be marked a no-show.",
    tags: ["appointments"],
    responses: {
      200: jsonContent(appointmentSchema, "The appointment with its recorded form."),
      ...commonErrors,
      ...notFound,
      ...conflict,
      ...unprocessable,
    },
  });
}

/** What a listing covered, as an audit target: the status, and the session dates of submitted ones. */
function listedRange(query: unknown): string {
  const q = query as { status?: string; from?: string; to?: string };
  const status = q.status ?? "open";
  return q.from !== undefined ? `${status}:${q.from}..${q.to}` : status;
}
