import { useState } from "preact/hooks";
import { useConsole } from "../../app-context.js";
import { formatLongDate } from "../../time/clinic-time.js";

/**
 * Dates the clinic is closed. Adding one here stops new bookings that day; it cancels nothing already
 * booked, so the API refuses it while that day has bookings (409, shown as a list). Closing a day that
 * has bookings (cancel them and tell each patient) is "Close a day" (`POST /closures`).
 */
export function ClosedDatesEditor({
  dates,
  onChange,
}: {
  dates: string[];
  onChange: (dates: string[]) => void;
}) {
  const { today } = useConsole();
  const [adding, setAdding] = useState("");
  const upcoming = [...dates].sort();
  const add = () => {
    if (adding && !dates.includes(adding)) onChange([...dates, adding].sort());
    setAdding("");
  };
  return (
    <div class="stack">
      {upcoming.length === 0 ? (
        <p class="hint">No closed dates.</p>
      ) : (
        <ul class="plain closed-dates">
          {upcoming.map((d) => (
            <li key={d} class={d < today ? "past" : undefined}>
              {formatLongDate(d)}
              <button
                type="button"
                class="button link"
                aria-label={`Remove ${formatLongDate(d)}`}
                onClick={() => onChange(dates.filter((x) => x !== d))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline">
        <label>
          Close the clinic on
          <input
            type="date"
            min={today}
            value={adding}
            onInput={(e) => setAdding((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" class="button secondary" onClick={add} disabled={!adding}>
          Add closed date
        </button>
      </div>
    </div>
  );
}
