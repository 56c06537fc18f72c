import { revised } from "../domain/revision.js";
import { readUnsubscribeToken, unsubscribeLinkHolds } from "../domain/unsubscribe-token.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";

/** The patient a link was sent to, if it still holds (signed, not expired, for their current address). */
async function patientFor(deps: Deps, token: string) {
  const link = readUnsubscribeToken(token);
  if (!link) return undefined;
  const secret = await deps.store.unsubscribeToken(link.patientId);
  if (!secret) return undefined;
  const patient = await deps.store.getPatient(link.patientId);
  if (!patient || !unsubscribeLinkHolds(link, { email: patient.email, secret, now: deps.clock.now() }))
    return undefined;
  return patient;
}

export async function isValidUnsubscribeToken(deps: Deps, token: string): Promise<boolean> {
  return (await patientFor(deps, token)) !== undefined;
}

/**
 * Stops booster invitations for the patient the link was sent to. Appointment emails (confirmations,
 * preparation) still go out: they are part of care the patient booked, not marketing.
 */
export async function unsubscribeFromBoosters(deps: Deps, token: string): Promise<boolean> {
  return retryOnStaleWrite(deps, async () => {
    const patient = await patientFor(deps, token);
    if (!patient) return false;
    if (patient.boosterOptOut) return true;
    await deps.store.updatePatient(revised(patient, { boosterOptOut: true }, nowIso(deps)));
    return true;
  });
}
