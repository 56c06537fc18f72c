import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";

/**
 * Corrects what the desk may change (PATCH sends only what changed). Correcting a bounced email address
 * puts the patient back on email; eligibility is not here: only a clinician's outcome changes it.
 * `onSaved` runs while the button still says "Saving…": the page reloads the record there, so the
 * details shown after the form closes are the saved ones, never the old ones for a moment.
 */
export function PatientEdit({
  patient,
  onSaved,
  onDone,
}: {
  patient: Patient;
  onSaved: () => Promise<void>;
  onDone: () => void;
}) {
  const { api } = useConsole();
  const [form, setForm] = useState(() => editable(patient));
  const { busy, error, run } = useAction();
  const original = editable(patient);
  const changes = Object.fromEntries(
    Object.entries(form).filter(([k, v]) => original[k as keyof Editable] !== v),
  ) as Partial<Editable>;

  const save = async (e: Event) => {
    e.preventDefault();
    if (Object.keys(changes).length === 0) return onDone();
    const saved = await run("save", async () => {
      ok(await api.PATCH("/patients/{id}", { params: { path: { id: patient.id } }, body: changes }));
      await onSaved();
    });
    if (saved) onDone();
  };
  const text = (
    field: "firstName" | "lastName" | "email" | "phone",
    label: string,
    type: "text" | "email" | "tel" = "text",
  ) => (
    <label>
      {label}
      <input
        // Preact's input types are keyed on one literal type at a time; all three are plain text boxes.
        type={type as "text"}
        value={form[field]}
        required={field !== "phone"}
        onInput={(e) => setForm({ ...form, [field]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  const check = (field: "emailConsent" | "remsEnrolled" | "boosterOptOut", label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={form[field]}
        onChange={(e) => setForm({ ...form, [field]: (e.target as HTMLInputElement).checked })}
      />
      {label}
    </label>
  );
  return (
    <form onSubmit={save} class="stack" aria-label="Edit the patient's details">
      <div class="two-columns">
        {text("firstName", "First name")}
        {text("lastName", "Last name")}
        {text("email", "Email", "email")}
        {text("phone", "Phone", "tel")}
      </div>
      {check("emailConsent", "Agrees to appointment emails")}
      {check("remsEnrolled", "Enrolled in the esketamine REMS program")}
      {check("boosterOptOut", "No booster invitations")}
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton busy={!!busy} busyLabel="Saving…">
          Save changes
        </BusyButton>
        <button type="button" class="button secondary" onClick={onDone}>
          Discard
        </button>
      </div>
    </form>
  );
}

type Editable = ReturnType<typeof editable>;

function editable(p: Patient) {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone ?? "",
    emailConsent: p.emailConsent,
    remsEnrolled: p.remsEnrolled,
    boosterOptOut: p.boosterOptOut ?? false,
  };
}
