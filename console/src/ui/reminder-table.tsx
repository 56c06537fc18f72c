import { useState } from "preact/hooks";
import { ok } from "../api/client.js";
import type { Appointment, Reminder } from "../api/types.js";
import { useConsole } from "../app-context.js";
import { can } from "../auth/claims.js";
import { REMINDER_KIND, REMINDER_STATUS, reminderReason } from "../labels.js";
import { formatDateTime } from "../time/clinic-time.js";
import { Badge, REMINDER_TONE } from "./badge.js";
import { BusyButton } from "./busy-button.js";
import { ProblemNote } from "./problem-note.js";
import { useAction } from "./use-action.js";

/** The API resends only what went out or failed; it refuses the rest (409) with its reason, shown as said. */
const RESENDABLE: readonly Reminder["status"][] = ["sent", "failed"];

/**
 * Every email of one appointment, in due order: what it is, whether it went and when, or why not, and a
 * Resend button for the front desk when the patient says it never arrived. A resent copy is a reminder
 * of its own (`resendOf`), so it shows as a row here once the appointment is read again.
 */
export function ReminderTable(props: { appointment: Appointment; onChanged: () => Promise<void> }) {
  const { api, clinic, claims } = useConsole();
  const { busy, error, run } = useAction();
  const [resent, setResent] = useState<string>();
  const a = props.appointment;
  const zone = clinic.timezone;
  const mayResend = can(claims.roles, "staff");
  if (a.reminders.length === 0) return <p class="hint">No emails for this appointment.</p>;
  const kindOf = (r: Reminder) => `${REMINDER_KIND[r.kind]}${r.resendOf ? " (copy)" : ""}`;

  const resend = async (r: Reminder) => {
    setResent(undefined);
    const done = await run(r.id, async () => {
      const path = { id: a.id, reminderId: r.id };
      ok(await api.POST("/appointments/{id}/reminders/{reminderId}/resend", { params: { path } }));
      // The copy is a reminder of its own: it shows once the appointment is read again.
      await props.onChanged();
    });
    if (done) setResent(REMINDER_KIND[r.kind]);
  };

  return (
    <>
      <table class="reminders">
        <caption class="visually-hidden">Emails for this appointment</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
            {mayResend && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {[...a.reminders]
            .sort((x, y) => x.dueAt.localeCompare(y.dueAt))
            .map((r) => (
              <tr key={r.id}>
                <td>{kindOf(r)}</td>
                <td>
                  <Badge tone={REMINDER_TONE[r.status]}>{REMINDER_STATUS[r.status]}</Badge>
                  {reminderReason(r.reason) && <span class="hint"> {reminderReason(r.reason)}</span>}
                </td>
                <td>
                  {r.status === "sent" && r.sentAt
                    ? `Sent ${formatDateTime(r.sentAt, zone)}`
                    : `${r.status === "scheduled" ? "Due" : "Was due"} ${formatDateTime(r.dueAt, zone)}`}
                </td>
                {mayResend && (
                  <td>
                    {RESENDABLE.includes(r.status) && (
                      <BusyButton
                        type="button"
                        kind="secondary"
                        busy={busy === r.id}
                        busyLabel="Resending…"
                        disabled={!!busy}
                        onClick={() => void resend(r)}
                        label={`Resend ${kindOf(r).toLowerCase()}`}
                      >
                        Resend
                      </BusyButton>
                    )}
                  </td>
                )}
              </tr>
            ))}
        </tbody>
      </table>
      <ProblemNote error={error} />
      {resent && (
        <p class="notice" role="status">
          {resent}: a copy is on its way to the patient.
        </p>
      )}
    </>
  );
}
