import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

import type { FieldError } from "../schemas/problem.schema.js";

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2), such as the conflicts a settings change would cause. */
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  extra: { code?: string; errors?: FieldError[]; [extension: string]: unknown } = {},
): Response {
  const body: Problem = {
    type: extra.code ? `urn:clinic-scheduler:problem:${extra.code}` : "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
  return c.body(JSON.stringify(body), status, { "content-type": "application/problem+json" });
}
