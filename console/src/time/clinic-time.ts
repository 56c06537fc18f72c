/**
 * Times as the clinic reads them: every instant is shown on the clinic's clock, in its IANA zone, with the
 * zone's abbreviation. Intl does the zone arithmetic (the same ICU data the API uses through Luxon), so the
 * console needs no date library. Dates are "YYYY-MM-DD" on the clinic's calendar.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "9:30 AM" */
export function formatTime(iso: string, zone: string): string {
  return formatter(zone, { hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** "EST", "EDT", "GMT+5:30": the zone's short name at that instant. */
export function zoneAbbreviation(zone: string, iso: string = new Date().toISOString()): string {
  const part = formatter(zone, { timeZoneName: "short" })
    .formatToParts(new Date(iso))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

/** "9:30 AM EST" */
export function formatTimeWithZone(iso: string, zone: string): string {
  return `${formatTime(iso, zone)} ${zoneAbbreviation(zone, iso)}`;
}

/** "8:00 – 10:00 AM EST", "10:00 AM – 12:00 PM EST": both ends on the clinic's clock, AM/PM said once if shared. */
export function formatTimeRange(start: string, end: string, zone: string): string {
  const from = formatTime(start, zone);
  const to = formatTime(end, zone);
  const half = (t: string) => t.slice(-2);
  const head = half(from) === half(to) ? from.slice(0, -3) : from;
  return `${head} – ${to} ${zoneAbbreviation(zone, start)}`;
}

/** "Mon, Nov 30, 2026" for an instant, on the clinic's calendar. */
export function formatDateOf(iso: string, zone: string): string {
  return formatter(zone, { weekday: "short", month: "short", day: "numeric", year: "numeric" }).format(
    new Date(iso),
  );
}

/** "Mon, Nov 30, 2026, 9:30 AM EST" */
export function formatDateTime(iso: string, zone: string): string {
  return `${formatDateOf(iso, zone)}, ${formatTimeWithZone(iso, zone)}`;
}

/** "Monday, November 30, 2026" for a clinic date. Noon UTC keeps the date the same in every zone. */
export function formatLongDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Mon, Nov 30" for a clinic date. */
export function formatShortDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function parts(iso: string, zone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(zone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso))) {
    out[p.type] = p.value;
  }
  return out;
}

/** The clinic date an instant falls on. */
export function clinicDateOf(iso: string, zone: string): string {
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes since the clinic's midnight at that instant (the time grid's vertical position). */
export function minutesIntoDay(iso: string, zone: string): number {
  const p = parts(iso, zone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/** "HH:MM" → minutes since midnight. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** "08:00" → "8:00 AM" without a zone (opening hours are wall-clock times). */
export function formatClock(hhmm: string): string {
  const minutes = clockMinutes(hhmm);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/** Calendar arithmetic on "YYYY-MM-DD", free of any zone. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(date: string): Weekday {
  // getUTCDay: 0 is Sunday.
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

export const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** "2026-12-08T09:05": an instant as the clinic's wall clock reads it, for a datetime-local field. */
export function clinicWallTime(iso: string, zone: string): string {
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant the clinic's wall clock reads "2026-12-08T09:05" (a datetime-local field's value), as UTC
 * ISO; undefined for anything else. The zone's offset is read at a first guess, then again at the answer,
 * which settles any time next to a DST change. A time the change skips (2:30 AM on spring-forward day)
 * reads as the hour after, as Luxon (the API) reads it.
 */
export function instantOfWallTime(wall: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const target = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(target)) return undefined;
  const wallOf = (t: number) => {
    const p = parts(new Date(t).toISOString(), zone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  };
  const first = target - (wallOf(target) - target);
  const second = target - (wallOf(first) - first);
  const t = wallOf(second) === target ? second : Math.max(first, second);
  return new Date(t).toISOString();
}
