import { useState } from "preact/hooks";
import { ok } from "../api/client.js";
import type { ServiceId, Slot } from "../api/types.js";
import { useConsole } from "../app-context.js";
import { addDays, clinicDateOf, formatShortDate, formatTime, zoneAbbreviation } from "../time/clinic-time.js";
import { ProblemNote } from "./problem-note.js";
import { useLoad } from "./use-load.js";

const DAYS_SHOWN = 7;

/**
 * Free starts for a service, a week at a time: first a day, then a time on it. Times are radio buttons,
 * so arrow keys move between them and the choice is announced, and they read on the clinic's clock.
 */
export function SlotPicker(props: {
  /** Free starts for a new booking of this service... */
  service: ServiceId;
  /**
   * ...or the starts a reschedule of this booked appointment would accept: its own length, not blocked by
   * itself, and for a series session within the protocol's spacing to its neighbours.
   */
  forAppointment?: string;
  /** The first day to show; defaults to today. */
  from?: string;
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
  /** Names the radio group: "First session", "New time". */
  legend: string;
}) {
  const { api, clinic, today } = useConsole();
  const zone = clinic.timezone;
  const [from, setFrom] = useState(props.from ?? today);
  const to = addDays(from, DAYS_SHOWN - 1);
  const slots = useLoad(async () => {
    const query = props.forAppointment
      ? { forAppointment: props.forAppointment, from, to }
      : { service: props.service, from, to };
    return ok(await api.GET("/availability", { params: { query } })).slots;
  }, [props.service, props.forAppointment, from]);
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots.data ?? []) {
    const day = clinicDateOf(slot.start, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(from, i));
  const [day, setDay] = useState<string>();
  const shownDay = day && byDay.has(day) ? day : days.find((d) => byDay.has(d));
  const times = shownDay ? (byDay.get(shownDay) ?? []) : [];

  return (
    <div class="slot-picker">
      <div class="week-nav">
        <button
          type="button"
          class="button secondary"
          onClick={() => setFrom(addDays(from, -DAYS_SHOWN))}
          disabled={from <= today}
        >
          ‹ Earlier
        </button>
        <label>
          From
          <input
            type="date"
            value={from}
            min={today}
            onChange={(e) => {
              const value = (e.target as HTMLInputElement).value;
              if (value) setFrom(value < today ? today : value);
            }}
          />
        </label>
        <button type="button" class="button secondary" onClick={() => setFrom(addDays(from, DAYS_SHOWN))}>
          Later ›
        </button>
      </div>
      <ProblemNote error={slots.error} />
      {slots.loading && !slots.data ? (
        <p class="hint">Finding free times…</p>
      ) : (
        <>
          <fieldset class="day-tabs">
            <legend class="visually-hidden">Day</legend>
            {days.map((d) => {
              const count = byDay.get(d)?.length ?? 0;
              return (
                <button
                  key={d}
                  type="button"
                  class={`day-tab${d === shownDay ? " current" : ""}`}
                  aria-pressed={d === shownDay}
                  disabled={count === 0}
                  onClick={() => setDay(d)}
                >
                  <span>{formatShortDate(d)}</span>
                  <span class="hint">{count === 0 ? "full or closed" : `${count} free`}</span>
                </button>
              );
            })}
          </fieldset>
          {times.length === 0 ? (
            <p class="hint">No free times in these days. Try later dates.</p>
          ) : (
            <fieldset class="times">
              <legend>
                {props.legend} on {formatShortDate(shownDay!)} ({zoneAbbreviation(zone, times[0]!.start)})
              </legend>
              {times.map((slot) => (
                <label key={slot.start} class="time-choice">
                  <input
                    type="radio"
                    name={`slot-${props.legend}`}
                    value={slot.start}
                    checked={props.selected?.start === slot.start}
                    onChange={() => props.onSelect(slot)}
                  />
                  <span>{formatTime(slot.start, zone)}</span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </div>
  );
}
