import { useState } from "preact/hooks";
import { ApiError } from "../../api/api-error.js";
import { ok } from "../../api/client.js";
import type { Appointment, RemsForm } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { nowForForms } from "../../local-clock.js";
import { clinicWallTime, instantOfWallTime, zoneAbbreviation } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";

/**
 * Records that a session's monitoring form was filed with the REMS program: when (on the clinic's clock,
 * to the minute, starting at now) and the program's reference if it gave one. The first record stands,
 * so the form says what it will save before it is sent.
 */
export function RemsFormRecord(props: {
  form: RemsForm;
  /** "Okafor, Jamie · session of Mon, Nov 30": which form this is, for the form's name. */
  what: string;
  onCancel: () => void;
  onDone: (appointment: Appointment) => void;
}) {
  const { api, clinic, config, now } = useConsole();
  const zone = clinic.timezone;
  // To the minute, rounded down: "now" never reads as a minute still to come.
  const [when, setWhen] = useState(() => clinicWallTime(nowForForms(config, now), zone));
  const [reference, setReference] = useState("");
  const { busy, error, run } = useAction();

  const save = async (e: Event) => {
    e.preventDefault();
    await run("save", async () => {
      const submittedAt = instantOfWallTime(when, zone);
      if (!submittedAt) {
        throw new ApiError(400, {
          errors: [{ path: "submittedAt", message: "enter the date and time it was submitted" }],
        });
      }
      const trimmed = reference.trim();
      const saved = ok(
        await api.POST("/appointments/{id}/rems-form", {
          params: { path: { id: props.form.appointmentId } },
          body: { submittedAt, ...(trimmed ? { reference: trimmed } : {}) },
        }),
      );
      props.onDone(saved);
    });
  };

  return (
    <form class="stack outcome" onSubmit={save} aria-label={`REMS form for ${props.what}`}>
      <div class="two-columns">
        <label>
          Submitted to the REMS program{" "}
          <span class="hint">(date and time, {zoneAbbreviation(zone, now)})</span>
          <input
            type="datetime-local"
            required
            value={when}
            onInput={(e) => setWhen((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Reference <span class="hint">(optional: the program's confirmation number)</span>
          <input
            type="text"
            maxLength={64}
            value={reference}
            onInput={(e) => setReference((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton busy={!!busy} busyLabel="Recording…">
          Record as submitted
        </BusyButton>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
