import type { components } from "../../api/schema.js";
import { clinicDateOf, formatDateOf, formatTime, formatTimeRange } from "../../time/clinic-time.js";

export type PlannedSession = components["schemas"]["SeriesPreview"]["sessions"][number];

const DAY_MS = 86_400_000;

/** "2 days later", "next day": the gap the desk reads to the patient ("every other day, then weekly"). */
function gapWords(previous: string, next: string, zone: string): string {
  const days = Math.round(
    (Date.parse(clinicDateOf(next, zone)) - Date.parse(clinicDateOf(previous, zone))) / DAY_MS,
  );
  if (days === 0) return "same day";
  if (days === 1) return "next day";
  if (days % 7 === 0) return days === 7 ? "1 week later" : `${days / 7} weeks later`;
  return `${days} days later`;
}

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
