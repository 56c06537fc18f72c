import type { Clinic } from "./clinic.js";
import { clinicProtocol } from "./protocol-catalogue.js";
import { PROTOCOL_IDS, type ProtocolId, type Resource, type ServiceId } from "./types.js";

export function isProtocolId(service: string): service is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(service);
}

/** Which room a service needs: every dosing session (protocol session or booster) takes a chair. */
export function serviceResource(service: ServiceId): Resource {
  return service === "consultation" || service === "integration" ? "office" : "chair";
}

/** How long a service occupies its room, in minutes, as this clinic runs it. */
export function serviceMinutes(clinic: Clinic, service: ServiceId): number {
  if (isProtocolId(service)) return clinicProtocol(clinic, service).sessionMinutes;
  return clinic.serviceMinutes[service];
}
