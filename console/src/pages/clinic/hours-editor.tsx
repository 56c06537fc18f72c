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

/** Each weekday's opening intervals, wall-clock times in the clinic's zone; none means closed. */
export function HoursEditor({ hours, onChange }: { hours: Hours; onChange: (hours: Hours) => void }) {
  const setDay = (day: Weekday, intervals: Hours[Weekday]) => onChange({ ...hours, [day]: intervals });
  return (
    <table class="hours-table">
      <caption class="visually-hidden">Opening hours by weekday</caption>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{DAY_NAMES[day]}</th>
            <td>
              {hours[day].length === 0 && <span class="hint">Closed</span>}
              {hours[day].map((interval, i) => (
                <span key={i} class="interval">
                  <input
                    type="time"
                    aria-label={`${DAY_NAMES[day]} opens`}
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
                    aria-label={`${DAY_NAMES[day]} closes`}
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
