import {
  cancelSeriesBodySchema,
  createSeriesBodySchema,
  seriesPreviewSchema,
  seriesSchema,
} from "../../schemas/series.schema.js";
import { bookSeries, previewSeries } from "../../use-cases/book-series.js";
import { cancelSeries, getSeries } from "../../use-cases/series.js";
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

export function registerSeriesRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "post",
      path: "/series",
      audit: { target: "series", successStatus: 201 },
      operationId: "bookSeries",
      roles: ["staff"],
      request: { headers: idempotencyHeader, body: createSeriesBodySchema },
    },
    async (c, input, deps) => {
      const body = input.body;
      return createOnce(c, body, (idem) => bookSeries(deps, body, idem));
    },
  );
  API_DOCS: routes.describe("bookSeries", {
    summary: "Plan and book a whole treatment series, all or nothing",
    description:
      "Plans every session of the protocol from `start`, keeping its local time of day and the protocol's spacing, and books them all with their reminders in one transaction, or answers 422 with the reason. With an `Idempotency-Key`, a repeat returns the first response.",
    tags: ["series"],
    responses: {
      201: jsonContent(seriesSchema, "The booked series with every session and its reminders."),
      ...commonErrors,
      ...notFound,
      ...conflict,
      ...unprocessable,
    },
  });
  routes.add(
    {
      method: "post",
      path: "/series/preview",
      operationId: "previewSeries",
      // It reads the patient's eligibility.
      audit: {
        target: "patient",
        id: (input) => (input.body as { patientId: string } | undefined)?.patientId,
      },
      roles: ["staff"],
      request: { body: createSeriesBodySchema },
    },
    async (c, input, deps) => c.json(await previewSeries(deps, input.body), 200),
  );
  API_DOCS: routes.describe("previewSeries", {
    summary: "Plan a treatment series without booking it",
    description:
      "Takes the body of `POST /series` and answers where each session would go if it were booked now, " +
      "or the very refusal `POST /series` would give (422 when no plan fits, with the session and why; " +
      "409 when the first start is taken). Writes nothing; a booking made afterwards plans again.",
    tags: ["series"],
    responses: {
      200: jsonContent(seriesPreviewSchema, "Each session's place, in order."),
      ...commonErrors,
      ...notFound,
      ...conflict,
      ...unprocessable,
    },
  });
  routes.add(
    {
      method: "get",
      path: "/series/{id}",
      audit: auditOfPathId("series"),
      operationId: "getSeries",
      roles: ANY_ROLE,
      request: { params: idParam },
    },
    async (c, input, deps) => c.json(await getSeries(deps, input.params.id), 200),
  );
  API_DOCS: routes.describe("getSeries", {
    summary: "Read a series",
    description: "The series with every session in order, each with its reminders.",
    tags: ["series"],
    responses: { 200: jsonContent(seriesSchema, "The series."), ...commonErrors, ...notFound },
  });
  routes.add(
    {
      method: "post",
      path: "/series/{id}/cancel",
      audit: auditOfPathId("series"),
      operationId: "cancelSeries",
      roles: ["staff"],
      request: { params: idParam, body: cancelSeriesBodySchema },
    },
    async (c, input, deps) => c.json(await cancelSeries(deps, input.params.id, input.body.reason), 200),
  );
  API_DOCS: routes.describe("cancelSeries", {
    summary: "Cancel a series: its future sessions and their reminders",
    description: "Cancels every future session of the series; sessions already held keep their status.",
    tags: ["series"],
    responses: {
      200: jsonContent(seriesSchema, "The cancelled series."),
      ...commonErrors,
      ...notFound,
      ...conflict,
    },
  });
}
