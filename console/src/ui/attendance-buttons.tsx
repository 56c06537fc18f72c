import { ok } from "../api/client.js";
import { useConsole } from "../app-context.js";
import { BusyButton } from "./busy-button.js";
import { ProblemNote } from "./problem-note.js";
import { useAction } from "./use-action.js";

/** Whether the patient came: one click each, on Today and on the clinician's list. */
export function AttendanceButtons(props: {
  appointmentId: string;
  disabled?: boolean;
  /** Reloads what shows the mark; the buttons stay busy until it has. */
  onDone: () => Promise<void>;
  /** Whose appointment, for the buttons' names where several rows have the same two buttons. */
  about?: string;
}) {
  const { api } = useConsole();
  const { busy, error, run } = useAction();
  const mark = async (status: "completed" | "no-show") => {
    await run(status, async () => {
      ok(
        await api.POST("/appointments/{id}/attendance", {
          params: { path: { id: props.appointmentId } },
          body: { status },
        }),
      );
      await props.onDone();
    });
  };
  return (
    <>
      <BusyButton
        type="button"
        busy={busy === "completed"}
        busyLabel="Saving…"
        disabled={!!busy || props.disabled}
        onClick={() => void mark("completed")}
        label={props.about && `Mark ${props.about} completed`}
      >
        Mark completed
      </BusyButton>
      <BusyButton
        type="button"
        kind="secondary"
        busy={busy === "no-show"}
        busyLabel="Saving…"
        disabled={!!busy || props.disabled}
        onClick={() => void mark("no-show")}
        label={props.about && `Mark ${props.about} as a no-show`}
      >
        Mark no-show
      </BusyButton>
      <ProblemNote error={error} />
    </>
  );
}
