import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import { patientsById } from "../../api/patients-by-id.js";
import type { Patient, RemsForm } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { hrefOf } from "../../router.js";
import { formatDateTime, zoneAbbreviation } from "../../time/clinic-time.js";
import { Badge } from "../../ui/badge.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { RemsFormRecord } from "./rems-form-record.js";
import {
  dueWords,
  openFormsInOrder,
  REMS_STATUS,
  REMS_TONE,
  recordedWords,
  sessionWords,
} from "./rems-words.js";

/** The days of submitted forms the API lists by default (by session date). */
const SUBMITTED_DAYS = 31;

const nameOf = (p: Patient | undefined) => (p ? `${p.lastName}, ${p.firstName}` : "Patient");

/**
 * The esketamine REMS program's Patient Monitoring Forms still to file: overdue first, then due, each
 * with its patient and session, and Record for clinicians; the submitted ones folded away below. Every
 * role may read it (the desk chases overdue forms); only a clinician or an administrator records one.
 */
export function RemsForms({ reloadKey }: { reloadKey: number }) {
  const { api, clinic, claims, now } = useConsole();
  const zone = clinic.timezone;
  const mayRecord = can(claims.roles, "clinician");
  const open = useLoad(async () => {
    const { forms } = ok(await api.GET("/rems/monitoring-forms", {}));
    return {
      forms,
      patients: await patientsById(
        api,
        forms.map((f) => f.patientId),
      ),
    };
  }, [now, reloadKey]);
  /**
   * Forms recorded here since the list was read. The list comes from an index that may lag a moment
   * behind a record; these stay off it rather than offering the same form again.
   */
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string>();
  const [recording, setRecording] = useState<string>();
  const [submittedShown, setSubmittedShown] = useState(false);

  const forms = openFormsInOrder((open.data?.forms ?? []).filter((f) => !recorded.has(f.appointmentId)));
  const patients = open.data?.patients ?? new Map<string, Patient>();
  const count = forms.overdue.length + forms.due.length;

  const item = (f: RemsForm) => {
    const name = nameOf(patients.get(f.patientId));
    const what = `${name} · ${sessionWords(f.sessionDate)}`;
    return (
      <li key={f.appointmentId} class={`rems-form ${f.status}`}>
        <span>
          <Badge tone={REMS_TONE[f.status]}>{REMS_STATUS[f.status]}</Badge>{" "}
          <a href={hrefOf({ page: "patient", id: f.patientId })}>{name}</a>
          <span class="hint">
            {" "}
            · {sessionWords(f.sessionDate)} · {dueWords(f, zone)}
          </span>
        </span>
        {mayRecord &&
          (recording === f.appointmentId ? (
            <RemsFormRecord
              form={f}
              what={what}
              onCancel={() => setRecording(undefined)}
              onDone={(saved) => {
                setRecording(undefined);
                setRecorded((r) => new Set([...r, f.appointmentId]));
                if (saved.remsForm) setDone(recordedWords(name, f.sessionDate, saved.remsForm, zone));
                void open.reload();
              }}
            />
          ) : (
            <button
              type="button"
              class="button secondary"
              aria-label={`Record form for ${what}`}
              onClick={() => {
                setDone(undefined);
                setRecording(f.appointmentId);
              }}
            >
              Record form
            </button>
          ))}
      </li>
    );
  };

  return (
    <section class="card rems-forms" aria-labelledby="rems-title">
      <h2 id="rems-title">REMS monitoring forms</h2>
      <p class="hint">
        Each completed esketamine session's Patient Monitoring Form is due by the end of the 7th day after it.
        Times in {zoneAbbreviation(zone, now)}.
      </p>
      {done && (
        <p class="done" role="status">
          {done}
        </p>
      )}
      <ProblemNote error={open.error} />
      {!open.data ? (
        !open.error && <p class="hint">Loading the forms…</p>
      ) : count === 0 ? (
        <p>Nothing to file: every completed esketamine session's form is recorded.</p>
      ) : (
        <>
          {forms.overdue.length > 0 && (
            <>
              <h3 id="rems-overdue-title" class="rems-overdue-title">
                Overdue ({forms.overdue.length})
              </h3>
              <ul class="plain worklist" aria-labelledby="rems-overdue-title">
                {forms.overdue.map(item)}
              </ul>
            </>
          )}
          {forms.due.length > 0 && (
            <>
              <h3 id="rems-due-title">Due ({forms.due.length})</h3>
              <ul class="plain worklist" aria-labelledby="rems-due-title">
                {forms.due.map(item)}
              </ul>
            </>
          )}
        </>
      )}
      <details
        class="rems-submitted"
        onToggle={(e) => setSubmittedShown((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Submitted (sessions of the last {SUBMITTED_DAYS} days)</summary>
        {submittedShown && <SubmittedForms reloadKey={recorded.size} />}
      </details>
    </section>
  );
}

/** The forms recorded as submitted, newest session first; read only once someone opens the list. */
function SubmittedForms({ reloadKey }: { reloadKey: number }) {
  const { api, clinic, now } = useConsole();
  const zone = clinic.timezone;
  const submitted = useLoad(async () => {
    const { forms } = ok(
      await api.GET("/rems/monitoring-forms", { params: { query: { status: "submitted" } } }),
    );
    const newest = [...forms].sort((a, b) => b.sessionDate.localeCompare(a.sessionDate));
    return {
      forms: newest,
      patients: await patientsById(
        api,
        forms.map((f) => f.patientId),
      ),
    };
  }, [now, reloadKey]);
  if (submitted.error) return <ProblemNote error={submitted.error} />;
  if (!submitted.data) return <p class="hint">Loading the submitted forms…</p>;
  if (submitted.data.forms.length === 0) return <p>None recorded for these sessions.</p>;
  const { patients } = submitted.data;
  return (
    <ul class="plain worklist" aria-label="Submitted forms">
      {submitted.data.forms.map((f) => (
        <li key={f.appointmentId}>
          <span>
            <a href={hrefOf({ page: "patient", id: f.patientId })}>{nameOf(patients.get(f.patientId))}</a>
            <span class="hint">
              {" "}
              · {sessionWords(f.sessionDate)}
              {f.submittedAt && ` · submitted ${formatDateTime(f.submittedAt, zone)}`}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
