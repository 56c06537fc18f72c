import { useState } from "preact/hooks";
import { useConsole } from "../../app-context.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateTime } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { useAgendaEntries } from "../today/use-agenda-entries.js";
import { handOn } from "./hand-on.js";
import { type HandOnResult, handOnProgress, handOnWords } from "./hand-on-words.js";
import { type RosterConflict, rosterConflictWhy } from "./roster-conflicts.js";

const keyOf = (c: RosterConflict) => `${c.appointmentId} ${c.staffId}`;

/**
 * What a refused roster change would have stranded: each booked session on the clinic's clock, linked to
 * its day on Today (where the desk reschedules or cancels it) and to the patient, with why it cannot keep
 * the person. Names come from those days' agendas; the 409 carries ids only. Each session can be handed
 * to someone else free at its time (one by one or all at once), which tells the patient nothing; then the
 * change can be tried again (`retry`, where the change is not a form's own Save).
 */
export function StaffConflicts(props: {
  who: string;
  conflicts: RosterConflict[];
  retry?: { label: string; onRetry: () => void };
}) {
  const { api, clinic } = useConsole();
  const zone = clinic.timezone;
  const { conflicts } = props;
  const entries = useAgendaEntries(conflicts);
  const [results, setResults] = useState<ReadonlyMap<string, HandOnResult>>(new Map());
  /** The session being handed on, or "all". */
  const [running, setRunning] = useState<string>();

  const handOne = async (c: RosterConflict) => {
    const result = await handOn(api, c);
    setResults((r) => new Map(r).set(keyOf(c), result));
  };
  const run = async (what: string, sessions: RosterConflict[]) => {
    setRunning(what);
    try {
      // One after another: each hand-on changes who is free for the next.
      for (const c of sessions) await handOne(c);
    } finally {
      setRunning(undefined);
    }
  };
  const left = conflicts.filter((c) => !results.get(keyOf(c))?.handed);
  const handed = conflicts.length - left.length;
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
          const result = results.get(keyOf(c));
          const when = formatDateTime(c.start, zone);
          return (
            <li key={keyOf(c)}>
              <span>
                <a href={hrefOf({ page: "today", date: clinicDateOf(c.start, zone) })}>{when}</a>
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
              </span>
              {result && (
                <span class={result.handed ? "hand-on handed" : "hand-on refused"}>
                  {handOnWords(result, { staffId: c.staffId, ...(role ? { role } : {}) })}
                </span>
              )}
              {!result?.handed && (
                <BusyButton
                  type="button"
                  kind="secondary"
                  busy={running === keyOf(c)}
                  busyLabel="Handing on…"
                  disabled={!!running}
                  label={`Hand to someone else: ${when}`}
                  onClick={() => void run(keyOf(c), [c])}
                >
                  Hand to someone else
                </BusyButton>
              )}
            </li>
          );
        })}
      </ul>
      <p class="next">
        Hand each to someone else free at the same time (the patient is told nothing), or reschedule or cancel
        it on Today (each link opens its day); then try again.
      </p>
      {/* Always in the page, so a screen reader hears the count change. */}
      <p role="status">{handed > 0 ? handOnProgress(handed, n) : ""}</p>
      <div class="actions">
        {left.length > 1 && (
          <BusyButton
            type="button"
            kind="secondary"
            busy={running === "all"}
            busyLabel="Handing on…"
            disabled={!!running}
            onClick={() => void run("all", left)}
          >
            Hand all on
          </BusyButton>
        )}
        {props.retry && (
          <button type="button" class="button primary" disabled={!!running} onClick={props.retry.onRetry}>
            {props.retry.label}
          </button>
        )}
      </div>
    </div>
  );
}
