import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Slot } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import {
  APPOINTMENT_STATUS,
  CONFIRMATION,
  CONFIRMATION_TONE,
  serviceName,
  serviceWithPosition,
  staffWords,
} from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateOf, formatDateTime, formatTimeRange } from "../../time/clinic-time.js";
import { AttendanceButtons } from "../../ui/attendance-buttons.js";
import { APPOINTMENT_TONE, Badge } from "../../ui/badge.js";
import { BusyButton } from "../../ui/busy-button.js";
import { Modal } from "../../ui/modal.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { ReminderTable } from "../../ui/reminder-table.js";
import { SlotPicker } from "../../ui/slot-picker.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import type { AgendaEntry } from "./agenda.js";

type Mode = "actions" | "cancel" | "reschedule";

/**
 * One appointment's actions: attendance in one click; cancel and reschedule after a second look, because
 * each sends the patient an email; its emails with Resend, for "I never got it" on the phone.
 */
export function EntryDialog(props: {
  entry: AgendaEntry;
  onClose: () => void;
  /** Reloads the day and closes the dialog; the action stays busy until the day shows the change. */
  onChanged: () => Promise<void>;
}) {
  const { api, clinic, protocols, claims, now, today } = useConsole();
  const { entry } = props;
  const zone = clinic.timezone;
  const [mode, setMode] = useState<Mode>("actions");
  const { busy, error, run } = useAction();
  const [reason, setReason] = useState("");
  const [slot, setSlot] = useState<Slot>();
  const id = entry.appointmentId;
  const appointment = useLoad(
    async () => ok(await api.GET("/appointments/{id}", { params: { path: { id } } })),
    [id],
  );

  const change = async (what: "cancel" | "reschedule", action: () => Promise<unknown>) => {
    await run(what, async () => {
      await action();
      await props.onChanged();
    });
  };
  const cancel = (e: Event) => {
    e.preventDefault();
    const body = reason.trim() ? { reason: reason.trim() } : {};
    void change("cancel", async () =>
      ok(await api.POST("/appointments/{id}/cancel", { params: { path: { id } }, body })),
    );
  };
  const reschedule = (e: Event) => {
    e.preventDefault();
    if (!slot) return;
    const body = { start: slot.start };
    void change("reschedule", async () =>
      ok(await api.POST("/appointments/{id}/reschedule", { params: { path: { id } }, body })),
    );
  };

  const canBook = can(claims.roles, "staff");
  const canMark = can(claims.roles, "staff", "clinician");
  const started = entry.start <= now;
  const name = `${entry.patient.firstName} ${entry.patient.lastName}`;

  return (
    <Modal
      title={`${name} · ${serviceWithPosition(entry.service, entry.sequence, entry.sessionsInSeries)}`}
      onClose={props.onClose}
    >
      <dl class="facts">
        <dt>When</dt>
        <dd>
          {formatDateOf(entry.start, zone)}, {formatTimeRange(entry.start, entry.end, zone)}
        </dd>
        <dt>Service</dt>
        <dd>{serviceName(entry.service, protocols)}</dd>
        {entry.staff && entry.staff.length > 0 && (
          <>
            <dt>Staff</dt>
            <dd>{staffWords(entry.staff)}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <Badge tone={APPOINTMENT_TONE[entry.status]}>{APPOINTMENT_STATUS[entry.status]}</Badge>
          {entry.status === "booked" && (
            <>
              {" "}
              <Badge tone={CONFIRMATION_TONE[entry.confirmation]}>{CONFIRMATION[entry.confirmation]}</Badge>
            </>
          )}
        </dd>
      </dl>
      <p>
        <a href={hrefOf({ page: "patient", id: entry.patient.id })} onClick={props.onClose}>
          Open {name}'s record
        </a>
      </p>
      <ProblemNote error={error} />

      {mode === "actions" && entry.status !== "cancelled" && (
        <div class="actions">
          {canMark && <AttendanceButtons appointmentId={id} disabled={!started} onDone={props.onChanged} />}
          {canBook && entry.status === "booked" && (
            <>
              <button
                type="button"
                class="button secondary"
                onClick={() => setMode("reschedule")}
                disabled={!!busy}
              >
                Reschedule…
              </button>
              <button type="button" class="button danger" onClick={() => setMode("cancel")} disabled={!!busy}>
                Cancel appointment…
              </button>
            </>
          )}
          {canMark && !started && (
            <p class="hint">Attendance can be marked once the appointment has started.</p>
          )}
        </div>
      )}

      {mode === "cancel" && (
        <form onSubmit={cancel} class="stack">
          <label>
            Reason (optional, kept on the appointment; the patient is told only that it is cancelled)
            <textarea
              value={reason}
              maxLength={500}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <p>The patient will get a cancellation email.</p>
          <div class="actions">
            <BusyButton kind="danger" busy={busy === "cancel"} busyLabel="Cancelling…">
              Cancel this appointment
            </BusyButton>
            <button type="button" class="button secondary" onClick={() => setMode("actions")}>
              Keep it
            </button>
          </div>
        </form>
      )}

      {mode === "reschedule" && (
        <form onSubmit={reschedule} class="stack">
          <SlotPicker
            service={entry.service}
            forAppointment={id}
            from={clinicDateOf(entry.start, zone) < today ? today : clinicDateOf(entry.start, zone)}
            selected={slot}
            onSelect={setSlot}
            legend="New time"
          />
          <p>
            The patient will get an email with the new time.
            {entry.seriesId && " Only times that keep the series' spacing to its other sessions are offered."}
          </p>
          <div class="actions">
            <BusyButton busy={busy === "reschedule"} busyLabel="Moving…" disabled={!slot}>
              {slot ? `Move to ${formatDateTime(slot.start, zone)}` : "Choose a new time"}
            </BusyButton>
            <button type="button" class="button secondary" onClick={() => setMode("actions")}>
              Back
            </button>
          </div>
        </form>
      )}

      {mode === "actions" && (
        <section aria-labelledby="entry-emails" class="entry-emails">
          <h3 id="entry-emails">Emails</h3>
          <ProblemNote error={appointment.error} />
          {appointment.data ? (
            <ReminderTable appointment={appointment.data} onChanged={appointment.reload} />
          ) : (
            <p class="hint">Loading the emails…</p>
          )}
        </section>
      )}
    </Modal>
  );
}
