import { type Agenda, dayAgenda } from "../domain/agenda.js";
import { clinicDate } from "../domain/calendar.js";
import type { Clinic } from "../domain/clinic.js";
import { type Deps, loadClinic, nowIso } from "./deps.js";

/**
 * The clinic's day as the front desk works it, in two AWS requests.
 * 1. The appointments filed under the date: one query of the day index (whatever UTC months it spans).
 * 2. Their patients, their series (for the number of sessions) and the clinic's settings: one BatchGetItem
 *    (one more per hundred patients and series beyond the first hundred).
 * 3. The domain lays them out, one lane per chair and office.
 */
export async function clinicDay(deps: Deps, date: string): Promise<Agenda> {
  return (await readDay(deps, date)).agenda;
}

/**
 * Today's agenda: the day the clinic's calendar shows by the API's clock (locally, the local clock, which a
 * browser cannot know), so a console that opens on Today asks for its day alongside the clinic's settings
 * instead of after them. The day is first taken in the deployment's zone, which is the clinic's unless an
 * admin saved another, and checked against the settings its own read brings: the same two requests as a
 * given date's, and the day read again only while the saved zone is on another date than the default.
 */
export async function clinicToday(deps: Deps): Promise<Agenda> {
  const now = nowIso(deps);
  const likely = clinicDate(deps.clinicDefaults, now);
  const day = await readDay(deps, likely);
  const today = clinicDate(day.clinic, now);
  return today === likely ? day.agenda : clinicDay(deps, today);
}

async function readDay(deps: Deps, date: string): Promise<{ clinic: Clinic; agenda: Agenda }> {
  const appointments = await deps.store.listDayAppointments(date);
  const seriesIds = appointments.flatMap((a) => (a.seriesId !== undefined ? [a.seriesId] : []));
  const reads = await deps.store.getAgendaReads(
    appointments.map((a) => a.patientId),
    seriesIds,
  );
  const clinic = reads.clinic ?? deps.clinicDefaults;
  const agenda = dayAgenda(clinic, date, appointments, {
    patients: new Map(reads.patients.map((p) => [p.id, p])),
    seriesSizes: new Map(Object.entries(reads.seriesSizes)),
    staffNames: new Map(reads.staff.map((m) => [m.id, m.name])),
  });
  return { clinic, agenda };
}

/**
 * Files the appointments of one UTC month that were stored before appointments carried their clinic-local
 * date, so each day's agenda lists them. Nothing does this on its own: an operator runs it once per month
 * that holds such appointments (README, "Upgrading"). Safe to repeat and to run while the clinic works: each
 * appointment is filed only if it still starts when it was read and is filed nowhere yet.
 * 1. List the month's appointments from the month index (which holds every appointment, old and new).
 * 2. File each one without a date under its date on the clinic's calendar.
 */
export async function fileMonthUnderDates(deps: Deps, month: string) {
  const clinic = await loadClinic(deps);
  const from = `${month}-01T00:00:00.000Z`;
  const to = nextMonthStart(from);
  const unfiled = (await deps.store.listAppointments(from, to)).filter((a) => a.date === undefined);
  const filed = await Promise.all(
    unfiled.map((a) => deps.store.fileUnderDate(a.id, a.start, clinicDate(clinic, a.start))),
  );
  return { month, filed: filed.filter(Boolean).length };
}

function nextMonthStart(instant: string): string {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
}
