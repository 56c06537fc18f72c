import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { hrefOf } from "../../router.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { isRemsSession } from "../clinician/rems-words.js";
import { AppointmentHistory } from "./appointment-history.js";
import { PatientEdit } from "./patient-edit.js";
import { PatientFacts } from "./patient-facts.js";

/** One patient: details, consent and email status, eligibility, and every appointment with its emails. */
export function PatientPage({ id }: { id: string }) {
  const { api, claims } = useConsole();
  const [editing, setEditing] = useState(false);
  const patient = useLoad(
    async () => ok(await api.GET("/patients/{id}", { params: { path: { id } } })),
    [id],
  );
  const appointments = useLoad(
    async () => ok(await api.GET("/patients/{id}/appointments", { params: { path: { id } } })).appointments,
    [id],
  );
  // Only a patient with an esketamine session whose form is still to file needs the clinic's open forms.
  const formsOwed =
    appointments.data?.some((a) => isRemsSession(a) && a.status === "completed" && !a.remsForm) ?? false;
  const openForms = useLoad(async () => {
    if (!formsOwed) return new Map();
    const { forms } = ok(await api.GET("/rems/monitoring-forms", {}));
    return new Map(forms.filter((f) => f.patientId === id).map((f) => [f.appointmentId, f]));
  }, [id, formsOwed, appointments.data]);
  if (patient.error) return <ProblemNote error={patient.error} />;
  if (!patient.data) return <p class="hint">Loading the patient…</p>;
  const p = patient.data;
  const mayEdit = can(claims.roles, "staff");
  return (
    <section aria-labelledby="patient-title" class="patient">
      <div class="page-head">
        <div>
          <h1 id="patient-title">
            {p.lastName}, {p.firstName}
          </h1>
          <p class="hint">Patient's time zone: {p.timezone.replaceAll("_", " ")}</p>
        </div>
        {mayEdit && (
          <div class="inline">
            <a class="button primary" href={hrefOf({ page: "book", patientId: p.id })}>
              Book for this patient
            </a>
            {!editing && (
              <button type="button" class="button secondary" onClick={() => setEditing(true)}>
                Edit details
              </button>
            )}
          </div>
        )}
      </div>
      <section class="card" aria-label="Details">
        {editing ? (
          <PatientEdit patient={p} onSaved={patient.reload} onDone={() => setEditing(false)} />
        ) : (
          <PatientFacts patient={p} />
        )}
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">Appointments and emails</h2>
        <ProblemNote error={appointments.error} />
        {appointments.data ? (
          <AppointmentHistory
            appointments={appointments.data}
            openForms={openForms.data}
            onChanged={appointments.reload}
          />
        ) : (
          <p class="hint">Loading appointments…</p>
        )}
      </section>
    </section>
  );
}
