import { assignLanes } from "./agenda-lanes.js";
import { capacityOf } from "./capacity.js";
import type { Clinic } from "./clinic.js";
import { weekdayOf } from "./opening-hours.js";
import type { StaffAssignment } from "./staff.js";
import type { Appointment, Patient, Resource } from "./types.js";

/** Who an entry is for: enough to greet them, nothing more. */
export type AgendaPatient = Pick<Patient, "id" | "firstName" | "lastName">;

/** One appointment as the front desk's day shows it. */
export interface AgendaEntry {
  appointmentId: string;
  start: string;
  end: string;
  service: Appointment["service"];
  status: Appointment["status"];
  patient: AgendaPatient;
  seriesId?: string;
  sequence?: number;
  /** How many sessions the series was booked with; absent for a series stored before it kept that count. */
  sessionsInSeries?: number;
  confirmation: Appointment["confirmation"];
  /** Who staffs it, named as the roster names them today. */
  staff?: StaffAssignment[];
}

/** One chair or office and what it holds that day, in order of start. */
export interface AgendaLane {
  resource: Resource;
  number: number;
  entries: AgendaEntry[];
}

export interface Agenda {
  date: string;
  timezone: string;
  /** A closed date, or a weekday without opening hours. */
  closed: boolean;
  /** The day's opening hours on the clinic's clock; empty when closed. */
  hours: { open: string; close: string }[];
  /** Every chair, then every office, empty ones too. */
  lanes: AgendaLane[];
  /** The day's cancelled appointments, by start. */
  cancelled: AgendaEntry[];
}

/** What a day's appointments come with: their patients, and the size of each series among them. */
export interface AgendaFacts {
  patients: ReadonlyMap<string, AgendaPatient>;
  seriesSizes: ReadonlyMap<string, number>;
  /** The roster, so an entry names its people as they are called now (absent: as booked). */
  staffNames?: ReadonlyMap<string, string>;
}

const RESOURCES: Resource[] = ["chair", "office"];

/**
 * A clinic-local day's appointments laid out as the front desk works them: each booked, completed or
 * no-show appointment in exactly one lane of its resource (see `assignLanes`), cancelled ones apart.
 */
export function dayAgenda(
  clinic: Clinic,
  date: string,
  appointments: readonly Omit<Appointment, "reminders">[],
  facts: AgendaFacts,
): Agenda {
  const byStart = [...appointments].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const held = byStart.filter((a) => a.status !== "cancelled");
  const capacity = { chair: capacityOf(clinic, "chair"), office: capacityOf(clinic, "office") };
  const laneOf = assignLanes(held, capacity);
  const lanes: AgendaLane[] = [];
  for (const resource of RESOURCES) {
    const used = held.filter((a) => a.resource === resource).map((a) => laneOf.get(a.id)!);
    const count = Math.max(capacity[resource], ...used);
    for (let number = 1; number <= count; number++) {
      const entries = held
        .filter((a) => a.resource === resource && laneOf.get(a.id) === number)
        .map((a) => agendaEntry(a, facts));
      lanes.push({ resource, number, entries });
    }
  }
  const closed = clinic.closedDates.includes(date) || clinic.hours[weekdayOf(date)].length === 0;
  return {
    date,
    timezone: clinic.timezone,
    closed,
    hours: closed ? [] : [...clinic.hours[weekdayOf(date)]].sort((a, b) => a.open.localeCompare(b.open)),
    lanes,
    cancelled: byStart.filter((a) => a.status === "cancelled").map((a) => agendaEntry(a, facts)),
  };
}

function agendaEntry(a: Omit<Appointment, "reminders">, facts: AgendaFacts): AgendaEntry {
  const size = a.seriesId !== undefined ? facts.seriesSizes.get(a.seriesId) : undefined;
  // Patients are never deleted, so each is found; an empty name would say plainly if one were not.
  const patient = facts.patients.get(a.patientId) ?? { id: a.patientId, firstName: "", lastName: "" };
  return {
    appointmentId: a.id,
    start: a.start,
    end: a.end,
    service: a.service,
    status: a.status,
    patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName },
    ...(a.seriesId !== undefined ? { seriesId: a.seriesId } : {}),
    ...(a.sequence !== undefined ? { sequence: a.sequence } : {}),
    ...(size !== undefined ? { sessionsInSeries: size } : {}),
    confirmation: a.confirmation,
    ...(a.staff?.length
      ? { staff: a.staff.map((s) => ({ ...s, name: facts.staffNames?.get(s.id) ?? s.name })) }
      : {}),
  };
}
