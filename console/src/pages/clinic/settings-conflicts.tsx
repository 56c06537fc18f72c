import { useConsole } from "../../app-context.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateTime } from "../../time/clinic-time.js";
import { useLoad } from "../../ui/use-load.js";
import { type AgendaEntry, loadAgenda } from "../today/agenda.js";
import { conflictWhy, type SettingsConflict } from "./conflicts.js";

/** Days looked up for names; past this the list still shows every time and reason, without names. */
const MAX_DAYS_NAMED = 14;

/**
 * What a refused settings change would have stranded, in words: when, who, what, and why it cannot stay,
 * each linked to its day on Today where the desk can move or cancel it. Names come from those days'
 * agendas (the 409 itself carries ids only, to keep patients' names out of error bodies).
 */
export function SettingsConflicts({ conflicts }: { conflicts: SettingsConflict[] }) {
  const { api, clinic } = useConsole();
  const zone = clinic.timezone;
  const days = [...new Set(conflicts.map((c) => clinicDateOf(c.start, zone)))];
  const names = useLoad(async () => {
    const byId = new Map<string, AgendaEntry>();
    const agendas = await Promise.all(days.slice(0, MAX_DAYS_NAMED).map((d) => loadAgenda(api, d)));
    for (const a of agendas) for (const e of a.lanes.flatMap((l) => l.entries)) byId.set(e.appointmentId, e);
    return byId;
  }, [days.join()]);
  const closing = conflicts.every((c) => c.reason === "closed-date");
  return (
    <div class="problem" role="alert">
      <p>
        Nothing was saved: these settings would leave {conflicts.length} booked appointment
        {conflicts.length === 1 ? "" : "s"} where the clinic can no longer hold{" "}
        {conflicts.length === 1 ? "it" : "them"}.
      </p>
      <ul class="conflicts">
        {conflicts.map((c) => {
          const entry = names.data?.get(c.appointmentId);
          return (
            <li key={c.appointmentId}>
              <a href={hrefOf({ page: "today", date: clinicDateOf(c.start, zone) })}>
                {formatDateTime(c.start, zone)}
              </a>
              {entry &&
                ` · ${entry.patient.lastName}, ${entry.patient.firstName} · ${serviceWithPosition(entry.service, entry.sequence, entry.sessionsInSeries)}`}{" "}
              {conflictWhy(c.reason)}.
            </li>
          );
        })}
      </ul>
      <p>
        {closing
          ? "To close a day that has bookings, use “Close a day” below: it cancels them and tells each patient the clinic will call. Or move them first from Today."
          : "Move or cancel these on Today first, then save again."}
      </p>
    </div>
  );
}
