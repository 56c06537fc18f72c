import type { Clinic } from "./clinic.js";
import { RuleViolation } from "./errors.js";
import { assertNotLapsed } from "./lapse.js";
import type { Protocol } from "./protocol.js";
import { clinicProtocol } from "./protocol-catalogue.js";
import { isProtocolId, serviceMinutes, serviceResource } from "./services.js";
import type { Patient, ProtocolId, Resource, ServiceId } from "./types.js";

/** What a service takes, as this clinic runs it, for this patient. */
export interface ResolvedService {
  service: ServiceId;
  resource: Resource;
  minutes: number;
  /** The protocol whose rules apply: the service itself, or the protocol a booster continues. */
  protocol?: Protocol;
}

/** Whether the patient may receive a protocol, and if not, why, in words a front desk can act on. */
export function eligibilityProblem(
  patient: Patient,
  protocolId: ProtocolId,
  remsRequired: boolean,
): string | undefined {
  if (!patient.eligibleProtocols.includes(protocolId)) {
    return `The patient is not eligible for ${protocolId}: record a completed consultation whose outcome makes them eligible first.`;
  }
  if (remsRequired && !patient.remsEnrolled) {
    return `${protocolId} requires REMS enrollment: enroll the patient and set remsEnrolled before booking.`;
  }
  return undefined;
}

/**
 * What a service needs and whether this patient may have it: a protocol session needs eligibility from a
 * consultation outcome (esketamine also REMS enrollment); a booster continues the patient's last series.
 * Throws the 422 (`not-eligible`) naming the field to change.
 *
 * With `start`, the booking of a new dosing session that would begin then (a booster, a new series, or a
 * single protocol session outside a series, which starts treatment again just as a booster does) also
 * answers to the lapse rule (domain/lapse.ts): 422 `lapsed`. Leave it out only where no dosing session is
 * booked anew (a session already in a plan, say).
 */
export function resolveService(
  clinic: Clinic,
  patient: Patient,
  service: ServiceId,
  start?: string,
): ResolvedService {
  const resource = serviceResource(service);
  const minutes = serviceMinutes(clinic, service);
  let protocolId: ProtocolId | undefined;
  if (isProtocolId(service)) protocolId = service;
  if (service === "booster") {
    protocolId = patient.lastSeriesProtocolId;
    if (!protocolId) {
      throw new RuleViolation(
        "not-eligible",
        "A booster continues an earlier series, and this patient has none: book a series first.",
        "service",
      );
    }
  }
  if (!protocolId) return { service, resource, minutes };
  const protocol = clinicProtocol(clinic, protocolId);
  const problem = eligibilityProblem(patient, protocolId, protocol.remsRequired);
  if (problem)
    throw new RuleViolation("not-eligible", problem, service === "booster" ? "service" : "patientId");
  if (start !== undefined) assertNotLapsed(clinic, patient, start);
  return { service, resource, minutes, protocol };
}
