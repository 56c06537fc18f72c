import { arrivalInstant } from "./arrival.js";
import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";
import { isoInstant, wallClock } from "./wall-clock.js";

/** One moment as the patient reads it on the clinic's wall clock. */
export interface LocalTime {
  /** UTC ISO instant. */
  instant: string;
  /** Clock time alone, "4:00 AM". */
  time: string;
  /** The clock time, with the day named when it is not the session's local day: "9:00 PM on Monday, 30 November". */
  label: string;
}

export interface PreparationDetails {
  sessionStart: LocalTime;
  /** The start less the clinic's `arrivalMinutesBefore`, never before the clinic opens (see arrivalInstant). */
  arrival: LocalTime;
  solidFoodCutoff: LocalTime;
  liquidsCutoff: LocalTime;
  liquidsKind: "clear" | "any";
  driverRequired: boolean;
  noDrivingUntil: "next-day" | "next-day-after-sleep";
  bring: string[];
  notes: string[];
  /** The clinic zone's abbreviation at the session start, e.g. "EST". */
  zoneAbbreviation: string;
}

function localTime(ms: number, zone: string, sessionDay: string): LocalTime {
  const at = wallClock(ms, zone);
  return {
    instant: isoInstant(ms),
    time: at.time,
    label: at.day === sessionDay ? at.time : `${at.time} on ${at.dayAndMonth}`,
  };
}

/**
 * What a patient must do before a dosing session, in the clinic's local clock times
 * (the patient travels to the clinic, so its clock is the one that matters).
 * Fasting rules count elapsed hours, not clock hours: the body digests in real time, so on a
 * DST night a 6 h rule before an early session lands an hour off the naive clock subtraction.
 */
export function preparationDetails(args: {
  clinic: Clinic;
  protocol: Protocol;
  start: string;
}): PreparationDetails {
  const { clinic, protocol } = args;
  const zone = clinic.timezone;
  const start = wallClock(args.start, zone);
  const MINUTE = 60_000;
  // Whole minutes keep fractional rules (esketamine's 30 min) exact.
  const before = (hours: number) => localTime(start.ms - Math.round(hours * 60) * MINUTE, zone, start.day);
  return {
    sessionStart: localTime(start.ms, zone, start.day),
    arrival: localTime(arrivalInstant(clinic, start.ms), zone, start.day),
    solidFoodCutoff: before(protocol.fasting.solidFoodHours),
    liquidsCutoff: before(protocol.fasting.liquidsHours),
    liquidsKind: protocol.fasting.liquidsKind,
    driverRequired: protocol.transport.driverRequired,
    noDrivingUntil: protocol.transport.noDrivingUntil,
    bring: [...protocol.instructions.bring],
    notes: [...protocol.instructions.notes],
    zoneAbbreviation: start.zoneAbbreviation,
  };
}
