import { DateTime } from "luxon";
import type { Clinic } from "./clinic.js";
import type { Protocol } from "./protocol.js";

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
  /** The start less the clinic's `arrivalMinutesBefore`. */
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

// Emails are written in English; the locale only decides how clock times and zone names read.
const LOCALE = "en-US";

/**
 * ICU names most zones' abbreviations only in the locale of their own country ("EST" in en-US,
 * "BST" in en-GB, "AEST" in en-AU); elsewhere it falls back to "GMT+10". Try the English locales
 * in turn and keep the first real abbreviation.
 */
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-NZ", "en-IN", "en-CA", "en-IE", "en-ZA"];

/** The zone's abbreviation at this instant ("EST", "BST", "AEDT"), or "GMT+9" where English has none. */
export function zoneAbbreviation(at: DateTime): string {
  let fallback = "";
  for (const locale of ABBREVIATION_LOCALES) {
    const name = at.setLocale(locale).toFormat("ZZZZ");
    if (!/^(GMT|UTC)[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** Reads a UTC (or offset) ISO instant on the clinic's clock. */
export function clinicClock(instant: string, zone: string): DateTime {
  const dt = DateTime.fromISO(instant, { zone }).setLocale(LOCALE);
  if (!dt.isValid) throw new RangeError(`not an ISO instant: ${instant}`);
  return dt;
}

function localTime(at: DateTime, sessionDay: DateTime): LocalTime {
  const time = at.toFormat("h:mm a");
  const sameDay = at.hasSame(sessionDay, "day");
  return {
    instant: at.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    time,
    label: sameDay ? time : `${time} on ${at.toFormat("cccc, d LLLL")}`,
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
  const start = clinicClock(args.start, clinic.timezone);
  // Whole minutes keep fractional rules (esketamine's 30 min) exact in Luxon's duration maths.
  const before = (hours: number) => start.minus({ minutes: Math.round(hours * 60) });
  return {
    sessionStart: localTime(start, start),
    arrival: localTime(start.minus({ minutes: clinic.arrivalMinutesBefore }), start),
    solidFoodCutoff: localTime(before(protocol.fasting.solidFoodHours), start),
    liquidsCutoff: localTime(before(protocol.fasting.liquidsHours), start),
    liquidsKind: protocol.fasting.liquidsKind,
    driverRequired: protocol.transport.driverRequired,
    noDrivingUntil: protocol.transport.noDrivingUntil,
    bring: [...protocol.instructions.bring],
    notes: [...protocol.instructions.notes],
    zoneAbbreviation: zoneAbbreviation(start),
  };
}
