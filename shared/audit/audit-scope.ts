import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditEntry } from "../domain/audit.js";

/**
 * The audit entry of the request being served. The HTTP layer opens a scope per audited request; a change
 * the request commits carries the entry in its own transaction (see auditedStore), so a change and its
 * entry land together or not at all; a read, a refusal or a failure gets its entry when the response is
 * known.
 */
export interface AuditScope {
  /** Everything but the outcome and, until someone learns it, whose data it was. */
  draft: Omit<AuditEntry, "status" | "patientId">;
  /** The status a committed change ends with (the route's success status). */
  successStatus: number;
  patientId?: string;
  /** Set once the entry went out with a committed change: nothing more to write. */
  committed: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

export function inAuditScope<T>(scope: AuditScope, run: () => Promise<T>): Promise<T> {
  return scopes.run(scope, run);
}

export function currentAuditScope(): AuditScope | undefined {
  return scopes.getStore();
}
