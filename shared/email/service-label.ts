import type { Clinic } from "../domain/clinic.js";
import type { Protocol } from "../domain/protocol.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { isProtocolId } from "../domain/services.js";
import type { ServiceId } from "../domain/types.js";

/** What the visit is called in an email: neutral words, never the drug or the protocol's name. */
export function serviceLabel(service: ServiceId, protocol: Protocol | undefined): string {
  switch (service) {
    case "consultation":
      return "consultation";
    case "integration":
      return "integration session";
    case "booster":
      return "follow-up session";
    default:
      return protocol?.patientLabel ?? "appointment";
  }
}

/** The protocol that sets a chair session's preparation: the one given, or the clinic's own for a protocol session. */
export function sessionProtocol(
  clinic: Clinic,
  service: ServiceId,
  protocol: Protocol | undefined,
): Protocol | undefined {
  if (protocol) return protocol;
  return isProtocolId(service) ? clinicProtocol(clinic, service) : undefined;
}

/** Chair sessions (protocol sessions and boosters) come with fasting and transport rules. */
export function isDosingService(service: ServiceId): boolean {
  return service !== "consultation" && service !== "integration";
}
