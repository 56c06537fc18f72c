import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import { patientsById } from "../../api/patients-by-id.js";
import type { Appointment, Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { serviceWithPosition } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { addDays, clinicDateOf, formatDateOf, formatTimeRange } from "../../time/clinic-time.js";
import { AttendanceButtons } from "../../ui/attendance-buttons.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { OutcomeForm } from "./outcome-form.js";
import { RemsForms } from "./rems-forms.js";

/** How far back an unrecorded consultation still shows: a month covers holidays and sick days. */
const LOOK_BACK_DAYS = 30;

/**
 * The clinician's desk: consultations that still need an outcome, today's attendance, and the REMS
 * monitoring forms still to file.
 */
export function ClinicianPage() {
  const { api, clinic, claims, today, now } = useConsole();
  /** Attendance marked here: a completed esketamine session starts owing a form, so the forms read again. */
  const [marked, setMarked] = useState(0);
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
          <Worklist
            id="outcomes"
            title="Consultations awaiting an outcome"
            empty="None: every consultation that has taken place has its outcome."
            appointments={work.data.awaitingOutcome}
            patients={work.data.patients}
            actions={(a) => <OutcomeAction appointment={a} onDone={work.reload} />}
          />
          <Worklist
            id="attendance"
            title="Today's sessions to mark"
            empty="Nothing to mark: sessions show here once they have started."
            appointments={work.data.attendance}
            patients={work.data.patients}
            actions={(a) =>
              can(claims.roles, "clinician", "staff") && (
                <div class="actions">
                  <AttendanceButtons
                    appointmentId={a.id}
                    onDone={() => {
                      setMarked((n) => n + 1);
                      return work.reload();
                    }}
                  />
                </div>
              )
            }
          />
        </div>
      )}
      <RemsForms reloadKey={marked} />
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

/** One card of appointments, each with its patient, its time and what can be done about it. */
function Worklist(props: {
  id: string;
  title: string;
  empty: string;
  appointments: Appointment[];
  patients: Map<string, Patient>;
  actions: (appointment: Appointment) => ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.appointments.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class="plain worklist">
          {props.appointments.map((a) => (
            <li key={a.id}>
              <PatientLink appointment={a} patient={props.patients.get(a.patientId)} />
              {props.actions(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OutcomeAction(props: { appointment: Appointment; onDone: () => Promise<void> }) {
  const { claims } = useConsole();
  const [open, setOpen] = useState(false);
  if (!can(claims.roles, "clinician")) return null;
  return open ? (
    <OutcomeForm appointment={props.appointment} onCancel={() => setOpen(false)} onDone={props.onDone} />
  ) : (
    <button type="button" class="button secondary" onClick={() => setOpen(true)}>
      Record outcome…
    </button>
  );
}
