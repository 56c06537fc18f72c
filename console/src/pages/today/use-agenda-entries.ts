import { useConsole } from "../../app-context.js";
import { clinicDateOf } from "../../time/clinic-time.js";
import { type Loaded, useLoad } from "../../ui/use-load.js";
import { type AgendaEntry, loadAgenda } from "./agenda.js";

/** Days looked up for names; past this a list still shows every time and reason, without names. */
const MAX_DAYS_NAMED = 14;

/**
 * The agenda entries (patient, service, series position, staff) of booked appointments known only by id
 * and start, as a refused change lists them: its 409 carries ids only, to keep patients' names out of error
 * bodies. Reads those days' agendas, the first 14 days of them.
 */
export function useAgendaEntries(
  appointments: readonly { appointmentId: string; start: string }[],
): Loaded<Map<string, AgendaEntry>> {
  const { api, clinic } = useConsole();
  const days = [...new Set(appointments.map((a) => clinicDateOf(a.start, clinic.timezone)))];
  return useLoad(async () => {
    const byId = new Map<string, AgendaEntry>();
    const agendas = await Promise.all(days.slice(0, MAX_DAYS_NAMED).map((d) => loadAgenda(api, d)));
    for (const a of agendas) for (const e of a.lanes.flatMap((l) => l.entries)) byId.set(e.appointmentId, e);
    return byId;
  }, [days.join()]);
}
