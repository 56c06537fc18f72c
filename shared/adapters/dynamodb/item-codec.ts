import { patientNameKey, phoneKey } from "../../domain/patient-lookup.js";
import type { Appointment, Patient, Reminder } from "../../domain/types.js";
import type { SeriesRecord, SeriesSessionSummary } from "../../ports/store.js";
import { keys, utcMonth } from "./item-keys.js";

type Item = Record<string, unknown>;

/** Index keys shared by an appointment and its reminders, so one query returns both, reminders right after. */
function appointmentIndexKeys(a: Appointment, suffix = ""): Item {
  const bySeries =
    a.seriesId !== undefined
      ? {
          gsi2pk: keys.seriesPartition(a.seriesId),
          gsi2sk: `${String(a.sequence ?? 0).padStart(3, "0")}#APPT#${a.id}${suffix}`,
        }
      : {};
  return {
    gsi1pk: keys.patientPartition(a.patientId),
    gsi1sk: `${a.start}#APPT#${a.id}${suffix}`,
    gsi3pk: keys.monthPartition(utcMonth(a.start)),
    gsi3sk: `${a.start}#APPT#${a.id}${suffix}`,
    ...bySeries,
  };
}

/**
 * The appointment as stored. Filed under its clinic-local date, it is in that day's partition of the day
 * index (its reminders are not: the agenda needs none, and they use that index for being unsettled).
 */
export function appointmentToItem(a: Appointment): Item {
  const { reminders: _reminders, ...rest } = a;
  const byDay = a.date !== undefined ? dayIndexKeys({ id: a.id, start: a.start, date: a.date }) : {};
  return { ...keys.appointment(a.id), ...appointmentIndexKeys(a), ...byDay, type: "appointment", ...rest };
}

/** Where an appointment sits in the day index: its date's partition, by start. */
export function dayIndexKeys(a: { id: string; start: string; date: string }) {
  return { gsi4pk: keys.dayPartition(a.date), gsi4sk: `${a.start}#APPT#${a.id}` };
}

/**
 * The reminder as stored. A pending one is in the unsettled index's `UNSYNCED` partition, because a write
 * of it may have changed what its schedule must be: schedule-sync moves it to `SCHEDULED` once the schedule
 * matches (see `unsettledScheduledKeys`), and settling takes it out of the index.
 */
export function reminderToItem(a: Appointment, r: Reminder): Item {
  return {
    ...keys.reminder(a.id, r.id),
    ...appointmentIndexKeys(a, `#REM#${r.id}`),
    ...(r.status === "scheduled"
      ? { gsi4pk: keys.unsyncedReminders(), gsi4sk: `${a.updatedAt}#${a.id}#${r.id}` }
      : {}),
    type: "reminder",
    appointmentId: a.id,
    patientId: a.patientId,
    appointmentVersion: a.version,
    // What the reminder was planned for: the sender sends nothing if the appointment has moved since.
    appointmentStart: a.start,
    // The sender learns the series key from the claim itself, so it reads the series with the appointment.
    ...(a.seriesId !== undefined ? { seriesId: a.seriesId } : {}),
    ...r,
  };
}

/** The unsettled index's keys of a pending reminder whose schedule is in place, by due time. */
export function unsettledScheduledKeys(appointmentId: string, reminderId: string, dueAt: string): Item {
  return { gsi4pk: keys.scheduledReminders(), gsi4sk: `${dueAt}#${appointmentId}#${reminderId}` };
}

const KEY_ATTRIBUTES = [
  "pk",
  "sk",
  "gsi1pk",
  "gsi1sk",
  "gsi2pk",
  "gsi2sk",
  "gsi3pk",
  "gsi3sk",
  "gsi4pk",
  "gsi4sk",
  "type",
  "ttl",
];

function strip(item: Item, extra: string[] = []): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item))
    if (!KEY_ATTRIBUTES.includes(k) && !extra.includes(k)) out[k] = v;
  return out;
}

/** Attributes of a reminder item that are the store's bookkeeping, not part of the Reminder. */
const REMINDER_BOOKKEEPING = [
  "appointmentId",
  "patientId",
  "appointmentVersion",
  "appointmentStart",
  "seriesId",
  "claimId",
  "claimedUntil",
  "syncedVersion",
  "redrivenAt",
];

export function itemToReminder(item: Item): Reminder {
  const reminder = strip(item, REMINDER_BOOKKEEPING) as unknown as Reminder;
  // Reminders stored before versions existed read as version 0, so the first guarded write still works.
  return { ...reminder, version: typeof item.version === "number" ? item.version : 0 };
}

/** An appointment item without its reminders; one stored before `confirmation` existed reads as unconfirmed. */
export function itemToAppointment(item: Item): Appointment {
  const appointment = strip(item) as unknown as Appointment;
  return { ...appointment, confirmation: appointment.confirmation ?? "unconfirmed", reminders: [] };
}

/** Rebuilds appointments from a query that returned appointment items each followed by their reminders. */
export function itemsToAppointments(items: Item[]): Appointment[] {
  const byId = new Map<string, Appointment>();
  const reminders: Item[] = [];
  for (const item of items) {
    if (item.type === "appointment") {
      byId.set(item.id as string, itemToAppointment(item));
    } else if (item.type === "reminder") {
      reminders.push(item);
    }
  }
  for (const r of reminders) byId.get(r.appointmentId as string)?.reminders.push(itemToReminder(r));
  for (const a of byId.values())
    a.reminders.sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.kind.localeCompare(y.kind));
  return [...byId.values()];
}

/**
 * Where the front desk finds a patient: by name, by phone number, by email. Rewritten with every change
 * to the patient. A patient without a phone number is not in the phone index at all.
 */
export function patientIndexKeys(p: Patient): Item {
  const phone = p.phone !== undefined ? phoneKey(p.phone) : "";
  return {
    ...(phone ? { gsi1pk: keys.phonePartition(phone), gsi1sk: `PATIENT#${p.id}` } : {}),
    gsi2pk: keys.patientDirectory(),
    gsi2sk: `${patientNameKey(p)}#${p.id}`,
    gsi3pk: keys.emailPartition(p.email),
    gsi3sk: `PATIENT#${p.id}`,
  };
}

export function patientToItem(p: Patient, unsubscribeToken?: string): Item {
  return {
    ...keys.patient(p.id),
    ...patientIndexKeys(p),
    type: "patient",
    ...p,
    ...(unsubscribeToken ? { unsubscribeToken } : {}),
  };
}

/** The unsubscribe secret stays in the table: it is never part of the Patient the API returns. */
export function itemToPatient(item: Item): Patient {
  return strip(item, ["unsubscribeToken"]) as unknown as Patient;
}

/**
 * The series item also summarises its sessions, one top-level attribute per session (`session#<id>`),
 * so that a change to one session updates its own entry without a read, and without the path errors a
 * nested map would raise on series stored before the summary existed. `sessionIds`, written once at
 * booking (a series never gains or loses sessions), says the summary is complete.
 */
const SESSION_IDS = "sessionIds";
const SESSION_PREFIX = "session#";
export const sessionAttribute = (appointmentId: string) => `${SESSION_PREFIX}${appointmentId}`;

export function sessionSummaryValue(a: Appointment): Omit<SeriesSessionSummary, "id"> {
  return { start: a.start, end: a.end, sequence: a.sequence ?? 0, status: a.status, version: a.version };
}

export function seriesToItem(s: SeriesRecord, sessions: Appointment[]): Item {
  const summary = Object.fromEntries(sessions.map((a) => [sessionAttribute(a.id), sessionSummaryValue(a)]));
  return {
    ...keys.series(s.id),
    type: "series",
    ...s,
    version: 1,
    [SESSION_IDS]: sessions.map((a) => a.id),
    ...summary,
  };
}

export function itemToSeries(item: Item): SeriesRecord {
  const record = strip(item, [SESSION_IDS]);
  for (const k of Object.keys(record)) if (k.startsWith(SESSION_PREFIX)) delete record[k];
  return { ...(record as unknown as SeriesRecord), version: Number(item.version ?? 0) };
}

/** How many sessions the series was booked with (its summary's fixed list); undefined for one stored before it. */
export function seriesSize(item: Item): number | undefined {
  const ids = item[SESSION_IDS];
  return Array.isArray(ids) && ids.length > 0 ? ids.length : undefined;
}

/** The summarised sessions by sequence; undefined unless every session of the series has its entry. */
export function itemToSeriesSessions(item: Item): SeriesSessionSummary[] | undefined {
  const ids = item[SESSION_IDS];
  if (!Array.isArray(ids) || ids.length === 0) return undefined;
  const sessions: SeriesSessionSummary[] = [];
  for (const id of ids) {
    const entry = item[sessionAttribute(String(id))] as Omit<SeriesSessionSummary, "id"> | undefined;
    if (!entry) return undefined;
    sessions.push({
      id: String(id),
      start: entry.start,
      end: entry.end,
      sequence: Number(entry.sequence),
      status: entry.status,
      version: Number(entry.version),
    });
  }
  return sessions.sort((a, b) => a.sequence - b.sequence);
}
