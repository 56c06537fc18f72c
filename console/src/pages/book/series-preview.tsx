import type { components } from "../../api/schema.js";
import { formatDateOf, formatTime, formatTimeRange } from "../../time/clinic-time.js";
import { gapWords } from "./series-gaps.js";

export type PlannedSession = components["schemas"]["SeriesPreview"]["sessions"][number];

/**
 * Every session of a planned series, as `POST /series/preview` placed it, before anything is booked:
 * date, time on the clinic's clock, and the gap to the session before. A session the API had to move off
 * the first session's time of day says so, so the desk can tell the patient before booking.
 */
export function SeriesPreview(props: { sessions: PlannedSession[]; zone: string; caption: string }) {
  const { sessions, zone } = props;
  const firstTime = sessions[0] ? formatTime(sessions[0].start, zone) : "";
  return (
    <table class="series-preview">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s, i) => {
          const moved = formatTime(s.start, zone) !== firstTime;
          return (
            <tr key={s.sequence} class={moved ? "moved" : undefined}>
              <th scope="row">
                {s.sequence} of {sessions.length}
              </th>
              <td>{formatDateOf(s.start, zone)}</td>
              <td>
                {formatTimeRange(s.start, s.end, zone)}
                {moved && <span class="hint"> (another time of day)</span>}
              </td>
              <td>{i === 0 ? "first" : gapWords(sessions[i - 1]!.start, s.start, zone)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
