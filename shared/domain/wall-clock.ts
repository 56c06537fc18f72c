/**
 * Reading instants on a zone's wall clock, for what patients read in emails. This is formatting, not
 * calendar arithmetic: everything here is an instant (elapsed time) shown in a zone, through the
 * platform's ICU zone data (`Intl.DateTimeFormat`), the same data Luxon reads. Calendar arithmetic
 * (planning, opening hours, quiet hours) stays in Luxon; the send-reminder function does none, and
 * leaving Luxon out of it keeps its bundle and cold start small.
 */

/** An instant as the clinic's wall clock shows it, in English. */
export interface WallClock {
  /** Milliseconds since the epoch. */
  ms: number;
  /** The local calendar day, "2026-12-01", for comparing days. */
  day: string;
  /** "Tuesday, 1 December 2026". */
  longDate: string;
  /** "Monday, 30 November". */
  dayAndMonth: string;
  /** "Tue 1 Dec". */
  shortDate: string;
  /** "10:00 AM". */
  time: string;
  /** The zone's abbreviation at this instant: "EST", "BST", "AEDT"; "GMT+9" where English has none. */
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

// Building a formatter loads ICU data for the zone; a warm Lambda reuses them across reminders.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${zone} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(ms: number, zone: string, options: Intl.DateTimeFormatOptions, locale = LOCALE) {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(locale, zone, options).formatToParts(ms)) parts[part.type] = part.value;
  return parts;
}

/** Milliseconds of an ISO-8601 instant with an offset or Z; throws on anything else. */
export function instantMs(instant: string): number {
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${instant}`);
  return ms;
}

/** UTC ISO without milliseconds, as the rest of the system writes instants. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

function zoneAbbreviationAt(ms: number, zone: string): string {
  let fallback = "";
  for (const locale of ABBREVIATION_LOCALES) {
    const name = partsOf(ms, zone, { timeZoneName: "short" }, locale).timeZoneName ?? "";
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** An instant's local day, minutes since local midnight, and the zone's UTC offset then (minutes east). */
export interface LocalReading {
  day: string;
  minutes: number;
  offsetMinutes: number;
}

/** The numbers of an instant on `zone`'s wall clock, for arithmetic on clock times (never shown). */
export function localReading(ms: number, zone: string): LocalReading {
  const p = partsOf(
    ms,
    zone,
    {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    },
    "en-CA",
  );
  const [year, month, day, hour, minute] = [p.year, p.month, p.day, p.hour, p.minute].map(Number);
  const wallAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    minutes: hour! * 60 + minute!,
    // Whole minutes: seconds are not part of any offset in use, and the wall reading drops them.
    offsetMinutes: Math.round((wallAsUtc - Math.floor(ms / 60_000) * 60_000) / 60_000),
  };
}

/** Reads an instant (ISO string or epoch ms) on the wall clock of `zone`. */
export function wallClock(instant: string | number, zone: string): WallClock {
  const ms = typeof instant === "number" ? instant : instantMs(instant);
  const p = partsOf(ms, zone, {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "long",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  });
  const short = partsOf(ms, zone, { month: "short", weekday: "short" });
  const iso = partsOf(
    ms,
    zone,
    { year: "numeric", month: "2-digit", day: "2-digit", hourCycle: "h23" },
    "en-CA",
  );
  return {
    ms,
    day: `${iso.year}-${iso.month}-${iso.day}`,
    longDate: `${p.weekday}, ${p.day} ${p.month} ${p.year}`,
    dayAndMonth: `${p.weekday}, ${p.day} ${p.month}`,
    shortDate: `${short.weekday} ${p.day} ${short.month}`,
    // Assembled from parts: ICU puts a narrow no-break space before AM/PM, which some mail clients mangle.
    time: `${p.hour}:${p.minute} ${p.dayPeriod}`,
    zoneAbbreviation: zoneAbbreviationAt(ms, zone),
  };
}
