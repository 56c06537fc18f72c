/**
 * The daily digest of REMS monitoring forms the front desk must chase, sent to the clinic's own address.
 * No Luxon here: the reconciler that sends it only reads instants on the clinic's wall clock (Intl), and
 * keeps the time library out of its bundle.
 */
import { addDays } from "./calendar-date.js";
import type { RemsForm } from "./rems-form.js";
import { instantMs, localReading } from "./wall-clock.js";

/** The clinic-local time of day from which the day's digest goes out: before the front desk opens. */
export const DIGEST_TIME_MINUTES = 7 * 60;

/**
 * How far past now the open forms are read to find those due by the end of tomorrow: the rest of today
 * (under 24 h) and tomorrow (at most 25 h, on a DST day) fit, with room to spare; the rest is left out by date.
 */
export const DIGEST_LOOKAHEAD_MS = 50 * 3_600_000;

export interface RemsDigest {
  /** The clinic-local date the digest is for. */
  date: string;
  overdue: RemsForm[];
  /** Due by the end of today: overdue tomorrow. */
  dueToday: RemsForm[];
  dueTomorrow: RemsForm[];
}

/** The clinic-local date whose digest is due at `now`: today once the digest time has passed, else none. */
export function digestDate(now: string, zone: string): string | undefined {
  const local = localReading(instantMs(now), zone);
  return local.minutes >= DIGEST_TIME_MINUTES ? local.day : undefined;
}

/**
 * Sorts the open forms (overdue ones and those due within the lookahead) into what the digest lists:
 * overdue, due today, due tomorrow, each by due time. Forms due later are left out.
 */
export function remsDigest(openForms: RemsForm[], now: string, zone: string): RemsDigest {
  const nowMs = instantMs(now);
  const today = localReading(nowMs, zone).day;
  const tomorrow = addDays(today, 1);
  const digest: RemsDigest = { date: today, overdue: [], dueToday: [], dueTomorrow: [] };
  const byDue = [...openForms].sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  for (const form of byDue) {
    if (form.submittedAt !== undefined) continue;
    const dueMs = instantMs(form.dueBy);
    if (dueMs < nowMs) {
      digest.overdue.push(form);
      continue;
    }
    const dueDay = localReading(dueMs, zone).day;
    if (dueDay === today) digest.dueToday.push(form);
    else if (dueDay === tomorrow) digest.dueTomorrow.push(form);
  }
  return digest;
}

/** Nothing to chase: no email that day. */
export function isEmptyDigest(d: RemsDigest): boolean {
  return d.overdue.length + d.dueToday.length + d.dueTomorrow.length === 0;
}
