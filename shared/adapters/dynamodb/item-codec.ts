import type { Appointment, Patient, Reminder } from "../../domain/types.js";
import type { SeriesRecord } from "../../ports/store.js";
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

export function appointmentToItem(a: Appointment): Item {
  const { reminders: _reminders, ...rest } = a;
  return { ...keys.appointment(a.id), ...appointmentIndexKeys(a), type: "appointment", ...rest };
}

export function reminderToItem(a: Appointment, r: Reminder): Item {
  return {
    ...keys.reminder(a.id, r.id),
    ...appointmentIndexKeys(a, `#REM#${r.id}`),
    type: "reminder",
    appointmentId: a.id,
    patientId: a.patientId,
    appointmentVersion: a.version,
    ...r,
  };
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
  "type",
  "ttl",
];

function strip(item: Item, extra: string[] = []): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item))
    if (!KEY_ATTRIBUTES.includes(k) && !extra.includes(k)) out[k] = v;
  return out;
}

export function itemToReminder(item: Item): Reminder {
  return strip(item, [
    "appointmentId",
    "patientId",
    "appointmentVersion",
    "claimId",
    "claimedUntil",
  ]) as unknown as Reminder;
}

/** Rebuilds appointments from a query that returned appointment items each followed by their reminders. */
export function itemsToAppointments(items: Item[]): Appointment[] {
  const byId = new Map<string, Appointment>();
  const reminders: Item[] = [];
  for (const item of items) {
    if (item.type === "appointment") {
      byId.set(item.id as string, { ...(strip(item) as unknown as Appointment), reminders: [] });
    } else if (item.type === "reminder") {
      reminders.push(item);
    }
  }
  for (const r of reminders) byId.get(r.appointmentId as string)?.reminders.push(itemToReminder(r));
  for (const a of byId.values())
    a.reminders.sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.kind.localeCompare(y.kind));
  return [...byId.values()];
}

export function patientToItem(p: Patient, unsubscribeToken?: string): Item {
  return { ...keys.patient(p.id), type: "patient", ...p, ...(unsubscribeToken ? { unsubscribeToken } : {}) };
}

/** The unsubscribe secret stays in the table: it is never part of the Patient the API returns. */
export function itemToPatient(item: Item): Patient {
  return strip(item, ["unsubscribeToken"]) as unknown as Patient;
}

export function seriesToItem(s: SeriesRecord): Item {
  return { ...keys.series(s.id), type: "series", ...s };
}

export function itemToSeries(item: Item): SeriesRecord {
  return strip(item) as unknown as SeriesRecord;
}
