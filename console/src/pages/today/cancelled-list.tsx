import { serviceWithPosition } from "../../labels.js";
import { formatTimeRange } from "../../time/clinic-time.js";
import type { AgendaEntry } from "./agenda.js";

/** The day's cancelled appointments, kept out of the lanes (their rooms are free again). */
export function CancelledList(props: {
  entries: AgendaEntry[];
  timezone: string;
  onOpen: (entry: AgendaEntry) => void;
}) {
  if (props.entries.length === 0) return null;
  return (
    <section class="cancelled" aria-labelledby="cancelled-title">
      <h2 id="cancelled-title">Cancelled</h2>
      <ul>
        {props.entries.map((e) => (
          <li key={e.appointmentId}>
            <button type="button" class="button link" onClick={() => props.onOpen(e)}>
              {formatTimeRange(e.start, e.end, props.timezone)} · {e.patient.lastName}, {e.patient.firstName}{" "}
              · {serviceWithPosition(e.service, e.sequence, e.sessionsInSeries)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
