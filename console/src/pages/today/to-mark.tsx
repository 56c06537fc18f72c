import { serviceWithPosition } from "../../labels.js";
import { formatTimeRange } from "../../time/clinic-time.js";
import { AttendanceButtons } from "../../ui/attendance-buttons.js";
import type { AgendaEntry } from "./agenda.js";

/**
 * The day's appointments that have started and are still only "booked": one click each to say whether
 * the patient came, without opening anything. They stay on the grid too; this list empties as the desk
 * works through it.
 */
export function ToMark(props: { entries: AgendaEntry[]; timezone: string; onChanged: () => Promise<void> }) {
  if (props.entries.length === 0) return null;
  return (
    <section class="card to-mark" aria-labelledby="to-mark-title">
      <h2 id="to-mark-title">Did they come? ({props.entries.length})</h2>
      <ul class="plain">
        {props.entries.map((e) => {
          const who = `${e.patient.lastName}, ${e.patient.firstName}`;
          const what = serviceWithPosition(e.service, e.sequence, e.sessionsInSeries);
          return (
            <li key={e.appointmentId} class="to-mark-row">
              <span>
                {formatTimeRange(e.start, e.end, props.timezone)} · <strong>{who}</strong> · {what}
              </span>
              <span class="inline">
                <AttendanceButtons appointmentId={e.appointmentId} onDone={props.onChanged} about={who} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
