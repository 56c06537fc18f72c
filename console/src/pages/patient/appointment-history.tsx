import type { Appointment } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import {
  APPOINTMENT_STATUS,
  REMINDER_KIND,
  REMINDER_STATUS,
  reminderReason,
  serviceName,
  serviceWithPosition,
} from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateOf, formatDateTime, formatTimeRange } from "../../time/clinic-time.js";
import { APPOINTMENT_TONE, Badge, REMINDER_TONE } from "../../ui/badge.js";

/**
 * Every appointment, newest first, each with every email it carries: what was sent and when, what was
 * not and why. This is where the desk answers "did they get our email?".
 */
export function AppointmentHistory({ appointments }: { appointments: Appointment[] }) {
  const { clinic, protocols } = useConsole();
  const zone = clinic.timezone;
  if (appointments.length === 0) return <p>No appointments yet.</p>;
  const sessionsOf = (a: Appointment) =>
    a.seriesId ? protocols.find((p) => p.id === (a.protocolId ?? a.service))?.sessions : undefined;
  return (
    <ol class="history">
      {[...appointments].reverse().map((a) => (
        <li key={a.id} class="history-item">
          <div class="history-head">
            <h3>
              <a href={hrefOf({ page: "today", date: clinicDateOf(a.start, zone) })}>
                {formatDateOf(a.start, zone)}, {formatTimeRange(a.start, a.end, zone)}
              </a>{" "}
              · {serviceWithPosition(a.service, a.sequence, sessionsOf(a))}
            </h3>
            <Badge tone={APPOINTMENT_TONE[a.status]}>{APPOINTMENT_STATUS[a.status]}</Badge>
          </div>
          {a.cancelReason && <p class="hint">Cancelled: {a.cancelReason}</p>}
          {a.outcome && (
            <p class="hint">
              Outcome:{" "}
              {a.outcome.eligible
                ? `cleared for ${a.outcome.protocols.map((p) => serviceName(p, protocols)).join(", ")}`
                : "not eligible"}
            </p>
          )}
          {/* Resend (POST /appointments/{id}/reminders/{reminderId}/resend, still to come on the API) will be a
              button in a fourth column; its copy then shows here as a reminder of its own, with resendOf. */}
          {a.reminders.length > 0 && (
            <table class="reminders">
              <caption class="visually-hidden">Emails for this appointment</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {[...a.reminders]
                  .sort((x, y) => x.dueAt.localeCompare(y.dueAt))
                  .map((r) => (
                    <tr key={r.id}>
                      <td>{REMINDER_KIND[r.kind]}</td>
                      <td>
                        <Badge tone={REMINDER_TONE[r.status]}>{REMINDER_STATUS[r.status]}</Badge>
                        {reminderReason(r.reason) && <span class="hint"> {reminderReason(r.reason)}</span>}
                      </td>
                      <td>
                        {r.status === "sent" && r.sentAt
                          ? `Sent ${formatDateTime(r.sentAt, zone)}`
                          : `Due ${formatDateTime(r.dueAt, zone)}`}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
