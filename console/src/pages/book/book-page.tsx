import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { hrefOf, navigate } from "../../router.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { PatientFacts } from "../patient/patient-facts.js";
import { ConsultationBooking } from "./consultation-booking.js";
import { PatientFinder } from "./patient-finder.js";
import { PatientForm } from "./patient-form.js";
import { SeriesBooking } from "./series-booking.js";

/** Find or register the patient, then book: a consultation, or a series once they are cleared. */
export function BookPage({ patientId }: { patientId: string | undefined }) {
  const { claims } = useConsole();
  const mayBook = can(claims.roles, "staff");
  return (
    <section aria-labelledby="book-title" class="book">
      <div class="page-head">
        <h1 id="book-title">Book</h1>
      </div>
      {!mayBook && <p class="notice">Your role can look patients up; booking needs the front desk role.</p>}
      {patientId ? <ForPatient id={patientId} mayBook={mayBook} /> : <ChoosePatient mayRegister={mayBook} />}
    </section>
  );
}

function ChoosePatient({ mayRegister }: { mayRegister: boolean }) {
  const [registering, setRegistering] = useState(false);
  const pick = (id: string) => navigate({ page: "book", patientId: id });
  return (
    <div class="columns">
      <section class="card" aria-labelledby="find-title">
        <h2 id="find-title">Find a patient</h2>
        <PatientFinder onPick={(p) => pick(p.id)} />
      </section>
      {mayRegister && (
        <section class="card" aria-labelledby="register-title">
          <h2 id="register-title">New patient</h2>
          {registering ? (
            <PatientForm onCreated={(p) => pick(p.id)} />
          ) : (
            <button type="button" class="button secondary" onClick={() => setRegistering(true)}>
              Register a new patient
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function ForPatient({ id, mayBook }: { id: string; mayBook: boolean }) {
  const { api } = useConsole();
  const patient = useLoad(
    async () => ok(await api.GET("/patients/{id}", { params: { path: { id } } })),
    [id],
  );
  if (patient.error) return <ProblemNote error={patient.error} />;
  if (!patient.data) return <p class="hint">Loading the patient…</p>;
  const p = patient.data;
  return (
    <>
      <section class="card patient-card" aria-labelledby="patient-title">
        <div class="card-head">
          <h2 id="patient-title">
            {p.lastName}, {p.firstName}
          </h2>
          <div class="inline">
            <a href={hrefOf({ page: "patient", id: p.id })}>Full record</a>
            <a href={hrefOf({ page: "book" })}>Another patient</a>
          </div>
        </div>
        <PatientFacts patient={p} />
      </section>
      {mayBook && (
        <div class="columns">
          <section class="card" aria-labelledby="consult-title">
            <h2 id="consult-title">Consultation</h2>
            <ConsultationBooking patient={p} />
          </section>
          <section class="card" aria-labelledby="series-title">
            <h2 id="series-title">Treatment series</h2>
            <SeriesBooking patient={p} />
          </section>
        </div>
      )}
    </>
  );
}
