import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";
import { patientQuery } from "./search-query.js";

/**
 * Finds a patient by name, phone or email. The term stays in this component's memory: it goes to the API
 * as a query parameter of a request (as the API requires) but never into the console's own address or
 * history, where a name would outlive the call.
 */
export function PatientFinder({ onPick }: { onPick: (patient: Patient) => void }) {
  const { api } = useConsole();
  const [term, setTerm] = useState("");
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<{ patients: Patient[]; more: boolean }>();

  const search = async (e: Event) => {
    e.preventDefault();
    const query = patientQuery(term);
    if (!query) return;
    setResult(undefined);
    await run("search", async () => setResult(ok(await api.GET("/patients", { params: { query } }))));
  };

  return (
    <div class="finder">
      <form onSubmit={search} class="search-row" aria-label="Find a patient">
        <label for="patient-search">Name, phone or email</label>
        <div class="inline">
          <input
            id="patient-search"
            type="search"
            autoComplete="off"
            placeholder="Lee, Jordan · 555 123 4567 · jordan@example.com"
            value={term}
            onInput={(e) => setTerm((e.target as HTMLInputElement).value)}
          />
          <BusyButton busy={!!busy} busyLabel="Searching…" disabled={!term.trim()}>
            Search
          </BusyButton>
        </div>
        <p class="hint">Names: last name first, as much as you know ("lee", "Lee, Jor").</p>
      </form>
      <ProblemNote error={error} />
      {result && (
        <div aria-live="polite">
          {result.patients.length === 0 ? (
            <p>No patient matches. Check the spelling, or register the patient below.</p>
          ) : (
            <ul class="results" aria-label="Patients found">
              {result.patients.map((p) => (
                <li key={p.id}>
                  <button type="button" class="result" onClick={() => onPick(p)}>
                    <strong>
                      {p.lastName}, {p.firstName}
                    </strong>
                    <span class="hint">
                      {p.email}
                      {p.phone ? ` · ${p.phone}` : ""}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {result.more && <p class="hint">More patients match: add more of the name to narrow the list.</p>}
        </div>
      )}
    </div>
  );
}
