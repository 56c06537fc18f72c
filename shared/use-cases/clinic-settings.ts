import { type Clinic, type ClinicInput, clinicSchema } from "../domain/clinic.js";
import { clinicProtocols } from "../domain/protocol-catalogue.js";
import { assertPrivateSubjectName } from "../domain/subject-privacy.js";
import { type Deps, loadClinic } from "./deps.js";

export async function getClinic(deps: Deps): Promise<Clinic> {
  return loadClinic(deps);
}

/** Saves the clinic's settings; settings left out keep their defaults. Existing bookings are kept as they are. */
export async function updateClinic(deps: Deps, input: ClinicInput): Promise<Clinic> {
  const clinic = clinicSchema.parse(input);
  assertPrivateSubjectName(clinic.subjectName);
  await deps.store.putClinic(clinic);
  return clinic;
}

export async function listProtocols(deps: Deps) {
  const clinic = await loadClinic(deps);
  return { protocols: Object.values(clinicProtocols(clinic)) };
}
