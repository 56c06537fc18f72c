import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import { patientsById } from "../../api/patients-by-id.js";
import type { Appointment, Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { addDays, clinicDateOf, formatDateOf, formatTimeRange } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { OutcomeForm } from "./outcome-form.js";

/** How far back an unrecorded consultation still shows: a month covers holidays and sick days. */
const LOOK_BACK_DAYS = 30;

/** The clinician's desk: consultations that still need an outcome, and today's attendance. */
export function ClinicianPage() {
  const { api, clinic, today, now } = useConsole();
  const work = useLoad(async () => {
    const { appointments } = ok(
      await api.GET("/appointments", {
        params: { query: { from: addDays(today, -LOOK_BACK_DAYS), to: today } },
      }),
    );
    const started = appointments.filter((a) => a.start <= now);
    const awaitingOutcome = started.filter(
      (a) => a.service === "consultation" && a.status !== "cancelled" && a.status !== "no-show" && !a.outcome,
    );
    const attendance = started.filter(
      (a) =>
        a.service !== "consultation" &&
        a.status === "booked" &&
        clinicDateOf(a.start, clinic.timezone) === today,
    );
    const patients = await patientsById(
      api,
      [...awaitingOutcome, ...attendance].map((a) => a.patientId),
    );
    return { awaitingOutcome, attendance, patients };
  }, [today, now]);

  return (
    <section aria-labelledby="clinician-title">
      <div class="page-head">
        <h1 id="clinician-title">Clinician</h1>
      </div>
      <ProblemNote error={work.error} />
      {!work.data ? (
        <p class="hint">Loading…</p>
      ) : (
        <div class="columns">
          <section class="card" aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">Consultations awaiting an outcome</h2>
            {work.data.awaitingOutcome.length === 0 ? (
              <p>None: every consultation that has taken place has its outcome.</p>
            ) : (
              <ul class="plain worklist">
                {work.data.awaitingOutcome.map((a) => (
                  <Consultation
                    key={a.id}
                    appointment={a}
                    patient={work.data!.patients.get(a.patientId)}
                    onDone={work.reload}
                  />
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="attendance-title">
            <h2 id="attendance-title">Today's sessions to mark</h2>
            {work.data.attendance.length === 0 ? (
              <p>Nothing to mark: sessions show here once they have started.</p>
            ) : (
              <ul class="plain worklist">
                {work.data.attendance.map((a) => (
                  <Attendance
                    key={a.id}
                    appointment={a}
                    patient={work.data!.patients.get(a.patientId)}
                    onDone={work.reload}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}

function PatientLink({
  appointment: a,
  patient,
}: {
  appointment: Appointment;
  patient: Patient | undefined;
}) {
  const { clinic } = useConsole();
  return (
    <span>
      <a href={hrefOf({ page: "patient", id: a.patientId })}>
        {patient ? `${patient.lastName}, ${patient.firstName}` : "Patient"}
      </a>
      <span class="hint">
        {" "}
        · {formatDateOf(a.start, clinic.timezone)}, {formatTimeRange(a.start, a.end, clinic.timezone)} ·{" "}
        {serviceWithPosition(a.service, a.sequence, undefined)}
      </span>
    </span>
  );
}

function Consultation(props: { appointment: Appointment; patient: Patient | undefined; onDone: () => void }) {
  const { claims } = useConsole();
  const [open, setOpen] = useState(false);
  return (
    <li>
      <PatientLink appointment={props.appointment} patient={props.patient} />
      {can(claims.roles, "clinician") &&
        (open ? (
          <OutcomeForm
            appointment={props.appointment}
            onCancel={() => setOpen(false)}
            onDone={props.onDone}
          />
        ) : (
          <button type="button" class="button secondary" onClick={() => setOpen(true)}>
            Record outcome…
          </button>
        ))}
    </li>
  );
}

function Attendance(props: { appointment: Appointment; patient: Patient | undefined; onDone: () => void }) {
  const { api, claims } = useConsole();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const mark = async (status: "completed" | "no-show") => {
    setBusy(status);
    setError(undefined);
    try {
      ok(
        await api.POST("/appointments/{id}/attendance", {
          params: { path: { id: props.appointment.id } },
          body: { status },
        }),
      );
      props.onDone();
    } catch (err) {
      setError(err);
      setBusy(undefined);
    }
  };
  return (
    <li>
      <PatientLink appointment={props.appointment} patient={props.patient} />
      {can(claims.roles, "clinician", "staff") && (
        <div class="actions">
          <BusyButton
            type="button"
            busy={busy === "completed"}
            busyLabel="Saving…"
            disabled={!!busy}
            onClick={() => void mark("completed")}
          >
            Completed
          </BusyButton>
          <BusyButton
            type="button"
            kind="secondary"
            busy={busy === "no-show"}
            busyLabel="Saving…"
            disabled={!!busy}
            onClick={() => void mark("no-show")}
          >
            No-show
          </BusyButton>
        </div>
      )}
      <ProblemNote error={error} />
    </li>
  );
}
