import { clinicDate } from "./calendar.js";
import { addDays } from "./calendar-date.js";
import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";
import { clinicProtocol } from "./protocol-catalogue.js";
import type { ProtocolId } from "./types.js";

/**
 * How many days from the first session's date a series can reach, so every booking it could meet is read
 * in one go: the protocol's window, or, without one, each phase at its widest spacing (a week per
 * `perWeek` sessions, or the maximum gap; 35 days where a phase has none, as the planner searches).
 */
export function planningSpanDays(protocol: Protocol): number {
  if (protocol.spacing.windowDays) return protocol.spacing.windowDays + 1;
  let hours = 0;
  for (const phase of protocol.spacing.phases) {
    if (phase.perWeek) hours += (phase.sessions / phase.perWeek) * 7 * 24;
    else hours += phase.sessions * (phase.maxGapHours ?? 35 * 24);
  }
  return Math.ceil(hours / 24) + 2;
}

/**
 * The clinic-local days a series starting at `firstStart` could reach, under this clinic's protocol rules,
 * its integration sessions (days after the last dosing session) included.
 */
export function seriesDates(clinic: Clinic, protocolId: ProtocolId, firstStart: string): string[] {
  const firstDate = clinicDate(clinic, firstStart);
  const protocol = clinicProtocol(clinic, protocolId);
  const days = planningSpanDays(protocol) + (protocol.integration?.maxDaysAfter ?? 0);
  return Array.from({ length: days }, (_, i) => addDays(firstDate, i));
}
