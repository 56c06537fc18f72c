import { DateTime } from "luxon";
import type { Deps } from "./deps.js";
import { loadClinic } from "./deps.js";

export interface AuditSearch {
  patientId?: string | undefined;
  actor?: string | undefined;
  /** Clinic-local dates, both included. */
  from: string;
  to: string;
  limit: number;
  next?: string | undefined;
}

/** One page of a patient's or an actor's audit trail, oldest first. */
export async function readAuditTrail(deps: Deps, search: AuditSearch) {
  const clinic = await loadClinic(deps);
  const day = (date: string) => DateTime.fromISO(date, { zone: clinic.timezone }).startOf("day");
  const range = {
    from: day(search.from).toUTC().toISO()!,
    to: day(search.to).plus({ days: 1 }).toUTC().toISO()!,
    limit: search.limit,
    ...(search.next !== undefined ? { after: search.next } : {}),
  };
  const page = await deps.store.listAudit(
    search.patientId !== undefined
      ? { patientId: search.patientId, ...range }
      : { actor: search.actor!, ...range },
  );
  return {
    entries: page.entries.map(({ id: _id, ...entry }) => entry),
    ...(page.next !== undefined ? { next: page.next } : {}),
  };
}
