import { type ApiClient, ok } from "../../api/client.js";
import { patientsById } from "../../api/patients-by-id.js";
import type { Appointment, Clinic, Patient, Protocol } from "../../api/types.js";
import { weekdayOf } from "../../time/clinic-time.js";
import type { Agenda, AgendaEntry } from "./agenda.js";
import { packLanes } from "./lanes.js";

/**
 * The clinic's day, for now composed from `GET /appointments` and one `GET /patients/{id}` per patient
 * (the list carries no names). When `GET /agenda?date=` is on the API, this whole function becomes
 * `ok(await api.GET("/agenda", { params: { query: { date } } }))`: the view only knows `Agenda`.
 */
export async function loadAgenda(
  api: ApiClient,
  clinic: Clinic,
  protocols: readonly Protocol[],
  date: string,
): Promise<Agenda> {
  const { appointments } = ok(
    await api.GET("/appointments", { params: { query: { from: date, to: date } } }),
  );
  const patients = await patientsById(
    api,
    appointments.map((a) => a.patientId),
  );
  const entry = (a: Appointment) => entryOf(a, patients.get(a.patientId), protocols);
  const active = appointments.filter((a) => a.status !== "cancelled");
  const lanesOf = (resource: "chair" | "office", rooms: number) =>
    packLanes(resource, rooms, active.filter((a) => a.resource === resource).map(entry));
  const hours = clinic.hours[weekdayOf(date)];
  return {
    date,
    timezone: clinic.timezone,
    closed: clinic.closedDates.includes(date) || hours.length === 0,
    hours,
    lanes: [...lanesOf("chair", clinic.chairs), ...lanesOf("office", clinic.offices)],
    cancelled: appointments.filter((a) => a.status === "cancelled").map(entry),
  };
}

function entryOf(a: Appointment, patient: Patient | undefined, protocols: readonly Protocol[]): AgendaEntry {
  const protocol = a.seriesId ? protocols.find((p) => p.id === (a.protocolId ?? a.service)) : undefined;
  return {
    appointmentId: a.id,
    start: a.start,
    end: a.end,
    service: a.service,
    status: a.status,
    patient: patient
      ? { id: patient.id, firstName: patient.firstName, lastName: patient.lastName }
      : { id: a.patientId, firstName: "", lastName: "(patient record unavailable)" },
    ...(a.seriesId ? { seriesId: a.seriesId } : {}),
    ...(a.sequence !== undefined ? { sequence: a.sequence } : {}),
    ...(protocol ? { sessionsInSeries: protocol.sessions } : {}),
  };
}
