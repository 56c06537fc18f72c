import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { CapacityTaken, RuleViolation } from "../domain/errors.js";
import { logger } from "../observability/logger.js";
import { SettingsWouldStrand } from "../use-cases/clinic-settings.js";
import { Conflict, IdempotencyMismatch, InvalidCursor, NotFound, StaleWrite } from "../use-cases/errors.js";
import { RosterWouldStrand } from "../use-cases/staff.js";
import { problemResponse } from "./problem.js";

/** Turns what the use cases throw into problem+json; anything unexpected is a 500 logged without PHI. */
export function mapError(error: unknown, c: Context): Response {
  if (error instanceof RuleViolation) {
    return problemResponse(c, 422, error.message, {
      code: error.code,
      ...(error.field ? { errors: [{ path: error.field, message: error.message }] } : {}),
    });
  }
  if (error instanceof CapacityTaken) {
    return problemResponse(c, 409, error.message, {
      code: error.code === "staff" ? "staff-unavailable" : "capacity-taken",
    });
  }
  if (error instanceof SettingsWouldStrand || error instanceof RosterWouldStrand)
    return problemResponse(c, 409, error.message, { code: error.code, conflicts: error.conflicts });
  if (error instanceof Conflict) return problemResponse(c, 409, error.message, { code: error.code });
  if (error instanceof StaleWrite) {
    return problemResponse(c, 409, "The record changed while this request was being processed; try again.", {
      code: "concurrent-change",
    });
  }
  if (error instanceof NotFound)
    return problemResponse(c, 404, `The ${error.what} does not exist.`, { code: "not-found" });
  if (error instanceof InvalidCursor) {
    return problemResponse(c, 400, "next is not a cursor this query handed out.", {
      code: "validation",
      errors: [{ path: "query.next", message: "must be the `next` of a previous page of the same query" }],
    });
  }
  if (error instanceof IdempotencyMismatch) {
    return problemResponse(c, 422, error.message, { code: "idempotency-key-reused" });
  }
  if (error instanceof HTTPException) {
    // A route that built its own problem response.
    if (error.res) return error.getResponse();
    const status = error.status;
    if (status === 400)
      return problemResponse(c, 400, "The request body is not valid JSON.", { code: "malformed-json" });
    if (status === 413)
      return problemResponse(c, 413, "The request body is too large.", { code: "too-large" });
    if (status === 415) {
      return problemResponse(c, 415, "Send the body as application/json.", {
        code: "unsupported-media-type",
      });
    }
    return problemResponse(c, status as 400, error.message || "Request refused.");
  }
  // Only the error's type and stack: messages of unexpected errors could echo request data.
  logger.error("unhandled error", { errorName: (error as Error)?.name, stack: (error as Error)?.stack });
  return problemResponse(c, 500, "Something went wrong on our side; nothing was changed.", {
    code: "internal",
  });
}
