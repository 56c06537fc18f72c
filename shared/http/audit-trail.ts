import type { Context } from "hono";
import { v7 as timeOrderedId } from "uuid";
import type { AuditScope } from "../audit/audit-scope.js";
import { auditedStore } from "../audit/audited-store.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { AppEnv } from "./app-env.js";
import { mapError } from "./error-mapping.js";
import type { RouteServing } from "./route-table.js";

/** What a route's audit entry is about: a record type, and its id when the request names it. */
export interface AuditSpec {
  /** `patient`, `appointment`, `series`, or what a list read covers (`agenda`, `appointments`...). */
  target: string;
  /** The target's id from the validated request (the path's id, a date); else learned from the response. */
  id?: (input: { params?: unknown; query?: unknown; body?: unknown }) => string | undefined;
  /** The target's id from a successful response, when the request may leave it out (the agenda's day). */
  idOfResponse?: (body: unknown) => string | undefined;
  /**
   * The status the route answers when it succeeds, which the entry committed with its change records:
   * 201 for a route that creates (createOnce; its replays answer the same), 202 for one that creates
   * something to happen later. Absent: 200. Stated here because the documented responses are not in the
   * Lambda bundle (route-table.ts, `describe`); a test holds it to the documented success status.
   */
  successStatus?: 201 | 202;
}

/** The audit of a route whose path names its target by `{id}`: `/appointments/{id}/cancel`. */
export function auditOfPathId(target: string, extra: Pick<AuditSpec, "successStatus"> = {}): AuditSpec {
  return { target, id: (input) => (input.params as { id: string }).id, ...extra };
}

/** Who acts: the signed-in staff member, or the patient following a link from an email. */
function actorOf(c: Context<AppEnv>): string {
  return c.get("principal")?.sub ?? "patient";
}

/** The record a response describes: its id, and whose data it is (a patient's own id, or the patientId). */
function describedBy(body: unknown, target: string): { id?: string; patientId?: string } {
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  const id = typeof record.id === "string" ? record.id : undefined;
  const patientId =
    target === "patient" ? id : typeof record.patientId === "string" ? record.patientId : undefined;
  return { ...(id !== undefined ? { id } : {}), ...(patientId !== undefined ? { patientId } : {}) };
}

/**
 * Serves an audited request with a store that knows its audit entry (auditedStore) and makes sure it
 * leaves exactly one entry: with its change, in the change's own transaction, or else, once the response
 * is known, on its own (a read, a refusal). An entry that cannot be written fails the request, so nothing
 * is read without a trace.
 */
export async function audited(
  c: Context<AppEnv>,
  spec: RouteServing & { audit: AuditSpec },
  input: { params?: unknown; query?: unknown; body?: unknown },
  deps: { store: Store; clock: Clock },
  serve: (store: Store) => Promise<Response>,
): Promise<Response> {
  const id = spec.audit.id?.(input);
  const scope: AuditScope = {
    draft: {
      // Time-ordered: entries of one instant (a local clock that stands still) keep the order they were made in.
      id: timeOrderedId(),
      at: deps.clock.now().toISOString(),
      actor: actorOf(c),
      action: `${spec.method.toUpperCase()} ${spec.path}`,
      target: { type: spec.audit.target, id: id ?? "" },
    },
    successStatus: spec.audit.successStatus ?? 200,
    ...(spec.audit.target === "patient" && id !== undefined ? { patientId: id } : {}),
    committed: false,
  };
  let response: Response;
  try {
    response = await serve(auditedStore(deps.store, scope));
  } catch (error) {
    // Refused or failed: the error mapping answers it; the entry records how it ended.
    response = mapError(error, c);
  }
  if (scope.committed) return response;
  const body =
    response.ok && response.headers.get("content-type")?.includes("json")
      ? await response.clone().json()
      : undefined;
  const described = body === undefined ? {} : describedBy(body, spec.audit.target);
  const answeredId = body === undefined ? undefined : spec.audit.idOfResponse?.(body);
  const patientId = scope.patientId ?? described.patientId;
  await deps.store.recordAudit({
    ...scope.draft,
    target: { type: spec.audit.target, id: scope.draft.target.id || answeredId || described.id || "-" },
    ...(patientId !== undefined ? { patientId } : {}),
    status: response.status,
  });
  return response;
}
