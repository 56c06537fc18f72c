import { nameSearchPrefix, patientNameKey, phoneKey } from "../domain/patient-lookup.js";
import { revised } from "../domain/revision.js";
import type { Patient } from "../domain/types.js";
import type { PatientQuery } from "../ports/store.js";
import { type Deps, loadClinic, nowIso } from "./deps.js";
import { NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";

export interface NewPatient {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  timezone?: string;
  emailConsent: boolean;
  remsEnrolled?: boolean;
}

export type PatientChanges = Partial<Omit<NewPatient, "remsEnrolled">> & { remsEnrolled?: boolean };

/**
 * Registers a patient.
 * 1. Default the time zone to the clinic's (quiet hours are read in it).
 * 2. Start with no eligibility: only a consultation outcome grants it.
 * 3. Write once per Idempotency-Key.
 */
export async function createPatient(deps: Deps, input: NewPatient, idem?: IdempotencyRequest) {
  return once<Patient>(deps.store, idem, async (record) => {
    const clinic = await loadClinic(deps);
    const now = nowIso(deps);
    const patient: Patient = {
      id: deps.ids(),
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      timezone: input.timezone ?? clinic.timezone,
      emailConsent: input.emailConsent,
      remsEnrolled: input.remsEnrolled ?? false,
      emailStatus: "ok",
      eligibleProtocols: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await deps.store.createPatient(patient, record(201, patient));
    return patient;
  });
}

export async function getPatient(deps: Deps, id: string): Promise<Patient> {
  const patient = await deps.store.getPatient(id);
  if (!patient) throw new NotFound("patient");
  return patient;
}

/**
 * Changes a patient's details. A corrected email address starts with a clean delivery status: the
 * bounce or complaint belonged to the old address.
 */
export async function updatePatient(deps: Deps, id: string, changes: PatientChanges): Promise<Patient> {
  const current = await getPatient(deps, id);
  const emailChanged = changes.email !== undefined && changes.email !== current.email;
  const next = revised(
    current,
    { ...changes, ...(emailChanged ? { emailStatus: "ok" as const } : {}) },
    nowIso(deps),
  );
  await deps.store.updatePatient(next);
  return next;
}

export async function listPatientAppointments(deps: Deps, id: string) {
  await getPatient(deps, id);
  const appointments = await deps.store.listPatientAppointments(id);
  return appointments.sort((a, b) => a.start.localeCompare(b.start));
}

export interface PatientSearch {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  limit: number;
}

/**
 * Finds patients by the start of "last name, first name", by phone number or by email address, sorted
 * as a patient list is. The schema has made sure exactly one is given, with something to search by.
 */
export async function searchPatients(deps: Deps, search: PatientSearch) {
  const query: PatientQuery =
    search.email !== undefined
      ? { email: search.email }
      : search.phone !== undefined
        ? { phone: phoneKey(search.phone) }
        : { namePrefix: nameSearchPrefix(search.name ?? "") };
  const { patients, more } = await deps.store.findPatients(query, search.limit);
  const byName = patients
    .map((p) => ({ p, key: patientNameKey(p) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.p.id.localeCompare(b.p.id)));
  return { patients: byName.map(({ p }) => p), more };
}
