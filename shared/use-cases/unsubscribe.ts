import { timingSafeEqual } from "node:crypto";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";

/** Splits `<patientId>.<secret>` and checks the secret in constant time. */
async function patientFor(deps: Deps, token: string) {
  const dot = token.indexOf(".");
  if (dot < 1) return undefined;
  const patientId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from((await deps.store.unsubscribeToken(patientId)) ?? "");
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
    return undefined;
  return deps.store.getPatient(patientId);
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
    await deps.store.updatePatient({
      ...patient,
      boosterOptOut: true,
      version: patient.version + 1,
      updatedAt: nowIso(deps),
    });
    return true;
  });
}
