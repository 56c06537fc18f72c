import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Appointment } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { serviceWithPosition } from "../../labels.js";
import { formatLongDate, formatTimeRange } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import { loadAgenda } from "../today/agenda.js";

/**
 * Closing the clinic on a day that may have bookings (`POST /closures`): the date becomes closed, every
 * booked appointment on it that has not started is cancelled (a series keeps its other sessions), and
 * each patient is told the clinic will call to find a new time. The desk sees who is booked before it
 * confirms, and who was cancelled after, so it knows whom to call.
 */
export function CloseDay(props: { onClosed: (date: string) => void }) {
  const { api, clinic, protocols, today } = useConsole();
  const zone = clinic.timezone;
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<{ date: string; cancelled: Appointment[] }>();
  const booked = useLoad(async () => {
    if (!date) return undefined;
    const agenda = await loadAgenda(api, date);
    return agenda.lanes.flatMap((l) => l.entries).filter((e) => e.status === "booked");
  }, [date]);
  const sessionsOf = (a: Appointment) =>
    a.seriesId ? protocols.find((p) => p.id === (a.protocolId ?? a.service))?.sessions : undefined;
  const names = new Map(
    (booked.data ?? []).map((e) => [e.appointmentId, `${e.patient.lastName}, ${e.patient.firstName}`]),
  );

  const close = async (e: Event) => {
    e.preventDefault();
    const body = { date, reason: reason.trim() };
    const done = await run("close", async () => setResult(ok(await api.POST("/closures", { body }))));
    if (done) props.onClosed(date);
  };

  return (
    <form onSubmit={close} class="stack">
      <div class="two-columns">
        <label>
          Day to close
          <input
            type="date"
            required
            min={today}
            value={date}
            onInput={(e) => {
              setDate((e.target as HTMLInputElement).value);
              setResult(undefined);
            }}
          />
        </label>
        <label>
          Reason <span class="hint">(for staff; kept on each cancelled appointment, never emailed)</span>
          <input
            type="text"
            required
            maxLength={500}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      {date && !result && booked.data && (
        <p class="hint" aria-live="polite">
          {booked.data.length === 0
            ? `Nothing is booked on ${formatLongDate(date)}.`
            : `${booked.data.length} booked appointment${booked.data.length === 1 ? "" : "s"} on ${formatLongDate(date)} will be cancelled, and each patient told the clinic will call.`}
        </p>
      )}
      <ProblemNote error={error ?? booked.error} />
      {result ? (
        <div class="done" role="status">
          <p>
            <strong>Closed on {formatLongDate(result.date)}.</strong>{" "}
            {result.cancelled.length === 0
              ? "Nothing was booked that day."
              : `${result.cancelled.length} appointment${result.cancelled.length === 1 ? " was" : "s were"} cancelled; each patient gets a notice that the clinic will call. Call them to find new times:`}
          </p>
          {result.cancelled.length > 0 && (
            <ul class="plain">
              {result.cancelled.map((a) => (
                <li key={a.id}>
                  {formatTimeRange(a.start, a.end, zone)} · {names.get(a.id) ?? "Patient"} ·{" "}
                  {serviceWithPosition(a.service, a.sequence, sessionsOf(a))}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div class="actions">
          <BusyButton
            kind="danger"
            busy={busy === "close"}
            busyLabel="Closing…"
            disabled={!date || !reason.trim()}
          >
            Close the clinic that day
          </BusyButton>
        </div>
      )}
    </form>
  );
}
