import { useConsole } from "../../app-context.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateTime } from "../../time/clinic-time.js";
import { useAgendaEntries } from "../today/use-agenda-entries.js";
import { conflictWhy, type SettingsConflict } from "./conflicts.js";

/**
 * What a refused settings change would have stranded, in words: when, who, what, and why it cannot stay,
 * each linked to its day on Today where the desk can move or cancel it. Names come from those days'
 * agendas (the 409 itself carries ids only, to keep patients' names out of error bodies).
 */
export function SettingsConflicts({ conflicts }: { conflicts: SettingsConflict[] }) {
  const { clinic } = useConsole();
  const zone = clinic.timezone;
  const names = useAgendaEntries(conflicts);
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
