import { closureBodySchema, closureResultSchema } from "../../schemas/closure.schema.js";
import { closeDate } from "../../use-cases/closures.js";
import { commonErrors, conflict, jsonContent, unprocessable } from "../openapi-helpers.js";
import type { RouteTable } from "../route-table.js";

export function registerClosureRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "post",
      path: "/closures",
      operationId: "closeDate",
      // It cancels patients' appointments: each cancellation commits with this entry or its own read.
      audit: { target: "closure", id: (input) => (input.body as { date: string } | undefined)?.date },
      roles: ["admin"],
      request: { body: closureBodySchema },
    },
    async (c, input, deps) => c.json(await closeDate(deps, input.body.date, input.body.reason), 200),
  );
  API_DOCS: routes.describe("closeDate", {
    summary: "Close the clinic on a date and cancel what is booked on it",
    description:
      "The date becomes one of the clinic's closed dates, so nothing more can be booked on it, and " +
      "every booked appointment on it that has not started is cancelled (a series keeps its other " +
      "sessions). Each patient gets a cancellation notice saying the clinic will call to find a new " +
      "time. `reason` is for staff only: stored as each appointment's `cancelReason`, never emailed " +
      "or logged. Repeating the request (after a timeout, say) finishes what is left and answers every " +
      "appointment the closure cancelled. 422 for a past date or one beyond the booking horizon.",
    tags: ["clinic"],
    responses: {
      200: jsonContent(closureResultSchema, "The closed date and the appointments the closure cancelled."),
      ...commonErrors,
      ...conflict,
      ...unprocessable,
    },
  });
}
