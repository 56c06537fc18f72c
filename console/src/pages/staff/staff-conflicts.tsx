import { useConsole } from "../../app-context.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateTime } from "../../time/clinic-time.js";
import { useAgendaEntries } from "../today/use-agenda-entries.js";
import { type RosterConflict, rosterConflictWhy } from "./roster-conflicts.js";

/**
 * What a refused roster change would have stranded: each booked session on the clinic's clock, linked to
 * its day on Today (where the desk reschedules or cancels it) and to the patient, with why it cannot keep
 * the person. Names come from those days' agendas; the 409 carries ids only.
 */
export function StaffConflicts(props: { who: string; conflicts: RosterConflict[] }) {
  const { clinic } = useConsole();
  const zone = clinic.timezone;
  const { conflicts } = props;
  const entries = useAgendaEntries(conflicts);
  const n = conflicts.length;
  return (
    <div class="problem" role="alert">
      <p>
        Nothing was changed: {props.who} staffs {n} booked session{n === 1 ? "" : "s"} that would be left
        without them.
      </p>
      <ul class="conflicts" aria-label="Sessions that would be left without them">
        {conflicts.map((c) => {
          const entry = entries.data?.get(c.appointmentId);
          const role = entry?.staff?.find((s) => s.id === c.staffId)?.role;
          return (
            <li key={`${c.appointmentId} ${c.staffId}`}>
              <a href={hrefOf({ page: "today", date: clinicDateOf(c.start, zone) })}>
                {formatDateTime(c.start, zone)}
              </a>
              {entry && (
                <>
                  {" · "}
                  <a href={hrefOf({ page: "patient", id: entry.patient.id })}>
                    {entry.patient.lastName}, {entry.patient.firstName}
                  </a>
                  {` · ${serviceWithPosition(entry.service, entry.sequence, entry.sessionsInSeries)}`}
                </>
              )}
              : {rosterConflictWhy(c.reason, role)}.
            </li>
          );
        })}
      </ul>
      <p class="next">Reschedule or cancel these first (each link opens its day on Today), then try again.</p>
    </div>
  );
}
