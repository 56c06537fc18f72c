import type { AuditEntry } from "../domain/audit.js";

/**
 * The audit entry of the request being served. The HTTP layer opens one per audited request and hands
 * the request's use case a store that knows it (auditedStore): a change the request commits carries the
 * entry in its own transaction, so a change and its entry land together or not at all; a read, a refusal
 * or a failure gets its entry when the response is known.
 *
 * Passed along, not kept in an AsyncLocalStorage: on Node 20 and 22 (Lambda's runtime) the first
 * `AsyncLocalStorage#run` turns on a hook at every promise the process makes from then on, the SDK's
 * included, which cost a consultation about 5% of its CPU.
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
