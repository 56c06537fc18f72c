import type { Appointment, RemsForm } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import {
  APPOINTMENT_STATUS,
  CONFIRMATION,
  CONFIRMATION_TONE,
  serviceName,
  serviceWithPosition,
  staffWords,
} from "../../labels.js";
import { hrefOf } from "../../router.js";
import { clinicDateOf, formatDateOf, formatTimeRange } from "../../time/clinic-time.js";
import { APPOINTMENT_TONE, Badge } from "../../ui/badge.js";
import { ReminderTable } from "../../ui/reminder-table.js";
import { RemsBadge, RemsLine } from "./rems-standing.js";

/** Who cancelled, when not the staff: a closure, or the patient from their email's link. */
const CANCELLED_BY = {
  "clinic-closure": " by a clinic closure",
  patient: " by the patient, from the email",
} as const;

/**
 * Every appointment, newest first, each with every email it carries: what was sent and when, what was
 * not and why, with Resend. This is where the desk answers "did they get our email?".
 */
export function AppointmentHistory(props: {
  appointments: Appointment[];
  /** The patient's REMS forms still to file, by appointment; undefined while they load. */
  openForms?: ReadonlyMap<string, RemsForm>;
  onChanged: () => Promise<void>;
}) {
  const { appointments } = props;
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
            <span class="inline">
              <Badge tone={APPOINTMENT_TONE[a.status]}>{APPOINTMENT_STATUS[a.status]}</Badge>
              {a.status === "booked" && (
                <Badge tone={CONFIRMATION_TONE[a.confirmation]}>{CONFIRMATION[a.confirmation]}</Badge>
              )}
              <RemsBadge appointment={a} openForms={props.openForms} />
            </span>
          </div>
          {a.status !== "cancelled" && a.staff && a.staff.length > 0 && (
            <p class="hint">With {staffWords(a.staff)}</p>
          )}
          {(a.cancelReason || a.cancelledBy) && (
            <p class="hint">
              Cancelled{a.cancelledBy ? CANCELLED_BY[a.cancelledBy] : ""}
              {a.cancelReason ? `: ${a.cancelReason}` : ""}
            </p>
          )}
          {a.outcome && (
            <p class="hint">
              Outcome:{" "}
              {a.outcome.eligible
                ? `cleared for ${a.outcome.protocols.map((p) => serviceName(p, protocols)).join(", ")}`
                : "not eligible"}
            </p>
          )}
          <RemsLine appointment={a} openForms={props.openForms} />
          <ReminderTable appointment={a} onChanged={props.onChanged} />
        </li>
      ))}
    </ol>
  );
}
