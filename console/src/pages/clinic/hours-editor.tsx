import type { Clinic } from "../../api/types.js";
import { WEEKDAYS, type Weekday } from "../../time/clinic-time.js";

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

type Hours = Clinic["hours"];

/** How the table speaks of the times: the clinic opens and closes, a staff member starts and finishes. */
const CLINIC_WORDS = { caption: "Opening hours by weekday", open: "opens", close: "closes", none: "Closed" };

/**
 * Each weekday's intervals, wall-clock times in the clinic's zone; none means closed (or, for a staff
 * member's own hours, a day off). `words` name the controls for what the hours are.
 */
export function HoursEditor({
  hours,
  onChange,
  words = CLINIC_WORDS,
}: {
  hours: Hours;
  onChange: (hours: Hours) => void;
  words?: typeof CLINIC_WORDS;
}) {
  const setDay = (day: Weekday, intervals: Hours[Weekday]) => onChange({ ...hours, [day]: intervals });
  return (
    <table class="hours-table">
      <caption class="visually-hidden">{words.caption}</caption>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{DAY_NAMES[day]}</th>
            <td>
              {hours[day].length === 0 && <span class="hint">{words.none}</span>}
              {hours[day].map((interval, i) => (
                <span key={i} class="interval">
                  <input
                    type="time"
                    aria-label={`${DAY_NAMES[day]} ${words.open}`}
                    value={interval.open}
                    required
                    onInput={(e) =>
                      setDay(
                        day,
                        hours[day].map((x, j) =>
                          j === i ? { ...x, open: (e.target as HTMLInputElement).value } : x,
                        ),
                      )
                    }
                  />
                  –
                  <input
                    type="time"
                    aria-label={`${DAY_NAMES[day]} ${words.close}`}
                    value={interval.close}
                    required
                    onInput={(e) =>
                      setDay(
                        day,
                        hours[day].map((x, j) =>
                          j === i ? { ...x, close: (e.target as HTMLInputElement).value } : x,
                        ),
                      )
                    }
                  />
                  <button
                    type="button"
                    class="button link"
                    aria-label={`Remove ${DAY_NAMES[day]} ${interval.open} to ${interval.close}`}
                    onClick={() =>
                      setDay(
                        day,
                        hours[day].filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </button>
                </span>
              ))}
            </td>
            <td>
              <button
                type="button"
                class="button link"
                onClick={() => setDay(day, [...hours[day], { open: "09:00", close: "17:00" }])}
                aria-label={`Add hours on ${DAY_NAMES[day]}`}
              >
                Add hours
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
