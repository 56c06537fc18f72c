import { useState } from "preact/hooks";
import { idempotencyKey, ok } from "../../api/client.js";
import type { Patient } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";

/**
 * Registers a patient. One Idempotency-Key per filled-in form: a double click or a retry after a dropped
 * connection gets the same patient back instead of a second record.
 */
export function PatientForm({ onCreated }: { onCreated: (patient: Patient) => void }) {
  const { api } = useConsole();
  const [form, setForm] = useState({
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    emailConsent: false,
    remsEnrolled: false,
  });
  const [key, setKey] = useState(idempotencyKey);
  const { busy, error, run } = useAction();
  const set = (field: keyof typeof form, value: string | boolean) => {
    setForm({ ...form, [field]: value });
    // A changed form is a different request: it must not replay the first answer.
    setKey(idempotencyKey());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const { phone, ...rest } = form;
    const body = { ...rest, ...(phone.trim() ? { phone: phone.trim() } : {}) };
    await run("register", async () =>
      onCreated(ok(await api.POST("/patients", { params: { header: { "idempotency-key": key } }, body }))),
    );
  };

  const text = (
    field: "firstName" | "lastName" | "email" | "phone",
    label: string,
    type: "text" | "email" | "tel" = "text",
    required = true,
  ) => (
    <label>
      {label}
      {!required && <span class="hint"> (optional)</span>}
      <input
        // Preact's input types are keyed on one literal type at a time; all three are plain text boxes.
        type={type as "text"}
        required={required}
        autoComplete="off"
        value={form[field]}
        onInput={(e) => set(field, (e.target as HTMLInputElement).value)}
      />
    </label>
  );

  return (
    <form onSubmit={submit} class="stack" aria-label="Register a patient">
      <div class="two-columns">
        {text("firstName", "First name")}
        {text("lastName", "Last name")}
        {text("email", "Email", "email")}
        {text("phone", "Phone", "tel", false)}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={form.emailConsent}
          onChange={(e) => set("emailConsent", (e.target as HTMLInputElement).checked)}
        />
        The patient agrees to appointment emails (confirmations, preparation, reminders)
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={form.remsEnrolled}
          onChange={(e) => set("remsEnrolled", (e.target as HTMLInputElement).checked)}
        />
        Enrolled in the esketamine REMS program
      </label>
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton busy={!!busy} busyLabel="Registering…">
          Register patient
        </BusyButton>
      </div>
    </form>
  );
}
