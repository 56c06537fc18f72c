import type { AuditEntry } from "../domain/audit.js";
import type { ChangeSet, Store } from "../ports/store.js";
import type { AuditScope } from "./audit-scope.js";

/** Whose data a change set writes: the patient, or the patient of the first appointment or series in it. */
export function patientOfChanges(changes: ChangeSet): string | undefined {
  return (
    changes.createPatient?.id ??
    changes.updatePatient?.id ??
    changes.createAppointments?.[0]?.patientId ??
    changes.updateAppointments?.[0]?.patientId ??
    changes.createSeries?.patientId ??
    changes.updateSeries?.patientId
  );
}

/** The id of the record of `type` a change set creates or changes, for an entry that did not know it yet. */
function targetOfChanges(type: string, changes: ChangeSet): string | undefined {
  if (type === "patient") return changes.createPatient?.id ?? changes.updatePatient?.id;
  if (type === "appointment")
    return changes.createAppointments?.[0]?.id ?? changes.updateAppointments?.[0]?.id;
  if (type === "series") return changes.createSeries?.id ?? changes.updateSeries?.id;
  return undefined;
}

/**
 * The store as an audited request sees it: the first change the request commits carries the request's
 * audit entry (`scope`) in the same transaction, and the reads that name a patient say whose data the
 * request touched. Made per request, for that request's use case only.
 */
export function auditedStore(store: Store, scope: AuditScope): Store {
  const commit = async (changes: ChangeSet): Promise<void> => {
    if (scope.committed) return store.commit(changes);
    const patientId = scope.patientId ?? patientOfChanges(changes);
    const target = scope.draft.target;
    const audit: AuditEntry = {
      ...scope.draft,
      target: { type: target.type, id: target.id || targetOfChanges(target.type, changes) || "-" },
      status: scope.successStatus,
      ...(patientId !== undefined ? { patientId } : {}),
    };
    await store.commit({ ...changes, audit });
    scope.committed = true;
    if (patientId !== undefined) scope.patientId = patientId;
  };
  /** Reads that say whose data the request touched, even if it then ends in a refusal. */
  const readsOf = {
    getPatient: (p: Awaited<ReturnType<Store["getPatient"]>>) => p?.id,
    getAppointment: (a: Awaited<ReturnType<Store["getAppointment"]>>) => a?.patientId,
    getSeries: (s: Awaited<ReturnType<Store["getSeries"]>>) => s?.series.patientId,
  } as const;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "commit") return commit;
      if (typeof property === "string" && property in readsOf) {
        const read = Reflect.get(target, property, receiver) as (id: string) => Promise<unknown>;
        const patientOf = readsOf[property as keyof typeof readsOf] as (found: unknown) => string | undefined;
        return async (id: string) => {
          const found = await read.call(target, id);
          if (scope.patientId === undefined) {
            const patientId = patientOf(found);
            if (patientId !== undefined) scope.patientId = patientId;
          }
          return found;
        };
      }
      // These two write through the store's own transaction: route them through the audited commit.
      if (property === "createPatient")
        return (patient: ChangeSet["createPatient"], idempotency?: ChangeSet["idempotency"]) =>
          commit({ createPatient: patient, ...(idempotency ? { idempotency } : {}) });
      if (property === "updatePatient")
        return (patient: ChangeSet["updatePatient"]) => commit({ updatePatient: patient });
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
