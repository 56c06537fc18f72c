import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Appointment, ProtocolId } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";

/**
 * A consultation's outcome: eligible for which treatments, or not eligible. It completes the consultation
 * and replaces what the patient is cleared for; every series and booster checks it.
 */
export function OutcomeForm(props: {
  appointment: Appointment;
  onCancel: () => void;
  /** Reloads the worklist, which no longer lists the consultation; the form stays busy until it has. */
  onDone: () => Promise<void>;
}) {
  const { api, protocols } = useConsole();
  const [eligible, setEligible] = useState<boolean>();
  const [chosen, setChosen] = useState<ProtocolId[]>([]);
  const [notes, setNotes] = useState("");
  const { busy, error, run } = useAction();
  const name = `outcome-${props.appointment.id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    if (eligible === undefined) return;
    const body = {
      eligible,
      ...(eligible ? { protocols: chosen } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    await run("save", async () => {
      ok(
        await api.POST("/appointments/{id}/outcome", {
          params: { path: { id: props.appointment.id } },
          body,
        }),
      );
      await props.onDone();
    });
  };

  return (
    <form class="stack outcome" onSubmit={save} aria-label="Consultation outcome">
      <fieldset>
        <legend>Outcome</legend>
        <label class="check">
          <input type="radio" name={name} checked={eligible === true} onChange={() => setEligible(true)} />
          Eligible for treatment
        </label>
        <label class="check">
          <input type="radio" name={name} checked={eligible === false} onChange={() => setEligible(false)} />
          Not eligible
        </label>
      </fieldset>
      {eligible && (
        <fieldset>
          <legend>Cleared for</legend>
          {protocols.map((p) => (
            <label key={p.id} class="check">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen(
                    (e.target as HTMLInputElement).checked
                      ? [...chosen, p.id]
                      : chosen.filter((id) => id !== p.id),
                  )
                }
              />
              {p.name}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        Notes <span class="hint">(optional; visible to staff)</span>
        <textarea
          value={notes}
          maxLength={2000}
          onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton
          busy={!!busy}
          busyLabel="Saving…"
          disabled={eligible === undefined || (eligible && chosen.length === 0)}
        >
          Save outcome
        </BusyButton>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
