import { clinicProtocol } from "../domain/protocol-catalogue.js";
import type { Appointment, Patient, Reminder } from "../domain/types.js";
import { renderEmail } from "../email/index.js";
import { type Mailer, PermanentSendFailure } from "../ports/mailer.js";
import type { ReminderJob } from "../ports/reminder-scheduler.js";
import { type Deps, loadClinic, nowIso } from "./deps.js";

export interface ReminderDeps extends Deps {
  mailer: Mailer;
  /** The sending address, named as organizer in calendar files. */
  senderEmail: string;
  /** Base URL of the API, for the booster invitation's unsubscribe link. */
  publicApiUrl?: string;
}

export type SendOutcome =
  | { result: "sent"; messageId: string }
  | { result: "skipped" | "cancelled" | "failed"; reason: string }
  /** Nothing done: the reminder is gone, no longer pending, moved, or another delivery is sending it. */
  | { result: "ignored"; reason: string };

/** A claim lasts less than Lambda's first async retry, so a crashed sender is replaced by the retry. */
const LEASE_MS = 50_000;

const PRE_SESSION = new Set(["confirmation", "preparation", "reminder"]);

/**
 * Sends one reminder, at most once, and only if it still makes sense.
 * 1. Re-read the appointment; ignore a reminder that is no longer pending or whose due time moved since
 *    this schedule was made (the moved schedule will fire on time).
 * 2. Claim it with a conditional write: of several deliveries of the same schedule, one proceeds.
 * 3. Skip, with the reason recorded, when the appointment was cancelled or has begun, the patient gave no
 *    consent, the address bounced or complained, or the patient stopped booster invitations.
 * 4. Render, send through the mailer, and record the message id as `sent`; a permanent rejection is
 *    `failed`; anything else lets the claim go and rethrows so the invocation is retried.
 */
export async function sendReminder(deps: ReminderDeps, job: ReminderJob): Promise<SendOutcome> {
  const appointment = await deps.store.getAppointment(job.appointmentId);
  const reminder = appointment?.reminders.find((r) => r.id === job.reminderId);
  if (!appointment || !reminder) return { result: "ignored", reason: "reminder-not-found" };
  if (reminder.status !== "scheduled") return { result: "ignored", reason: `already-${reminder.status}` };
  if (reminder.dueAt !== job.dueAt) return { result: "ignored", reason: "moved" };

  const now = nowIso(deps);
  const claimId = deps.ids();
  const claim = { appointmentId: appointment.id, reminderId: reminder.id, claimId };
  const claimed = await deps.store.claimReminder({
    ...claim,
    dueAt: job.dueAt,
    now,
    leaseUntil: new Date(deps.clock.now().getTime() + LEASE_MS).toISOString(),
  });
  if (!claimed) return { result: "ignored", reason: "claimed-by-another-delivery" };

  const settle = async (outcome: Exclude<SendOutcome, { result: "ignored" }>) => {
    await deps.store.settleReminder({
      ...claim,
      status: outcome.result,
      ...(outcome.result === "sent"
        ? { sentAt: nowIso(deps), messageId: outcome.messageId }
        : { reason: outcome.reason }),
    });
    return outcome;
  };

  try {
    // Read again after claiming: a cancellation that landed meanwhile must win.
    const current = (await deps.store.getAppointment(job.appointmentId)) ?? appointment;
    const patient = await deps.store.getPatient(current.patientId);
    if (!patient) return await settle({ result: "skipped", reason: "patient-not-found" });
    const stale = staleReason(current, reminder, patient, now);
    if (stale) return await settle(stale);

    const email = await render(deps, current, reminder, patient);
    const messageId = await deps.mailer.send({
      to: patient.email,
      ...email,
      tags: {
        patientId: patient.id,
        appointmentId: current.id,
        reminderId: reminder.id,
        kind: reminder.kind,
      },
    });
    return await settle({ result: "sent", messageId });
  } catch (error) {
    if (error instanceof PermanentSendFailure)
      return settle({ result: "failed", reason: `rejected-${error.message}` });
    await deps.store.releaseReminder(claim);
    throw error;
  }
}

function staleReason(
  appointment: Appointment,
  reminder: Reminder,
  patient: Patient,
  now: string,
): Exclude<SendOutcome, { result: "sent" | "ignored" }> | undefined {
  if (PRE_SESSION.has(reminder.kind) || reminder.kind === "reschedule") {
    if (appointment.status !== "booked")
      return { result: "cancelled", reason: `appointment-${appointment.status}` };
    if (reminder.kind !== "confirmation" && appointment.start <= now)
      return { result: "skipped", reason: "appointment-started" };
  }
  if (reminder.kind === "booster" && patient.boosterOptOut)
    return { result: "skipped", reason: "unsubscribed" };
  if (!patient.emailConsent) return { result: "skipped", reason: "no-email-consent" };
  if (patient.emailStatus !== "ok") return { result: "skipped", reason: `email-${patient.emailStatus}` };
  return undefined;
}

async function render(deps: ReminderDeps, appointment: Appointment, reminder: Reminder, patient: Patient) {
  const clinic = await loadClinic(deps);
  const protocol = appointment.protocolId ? clinicProtocol(clinic, appointment.protocolId) : undefined;
  let sessions: { id: string; start: string; end: string; sequence: number }[] | undefined;
  const listsSeries = reminder.kind === "confirmation" || reminder.kind === "cancellation";
  if (appointment.seriesId !== undefined && listsSeries) {
    const series = await deps.store.getSeries(appointment.seriesId);
    const wanted = reminder.kind === "confirmation" ? "booked" : "cancelled";
    sessions = series?.sessions
      .filter((s) => s.status === wanted)
      .map((s) => ({ id: s.id, start: s.start, end: s.end, sequence: s.sequence ?? 0 }));
  }
  let unsubscribeUrl: string | undefined;
  if (reminder.kind === "booster" && deps.publicApiUrl) {
    const token = await deps.store.unsubscribeToken(patient.id);
    if (token) unsubscribeUrl = `${deps.publicApiUrl.replace(/\/$/, "")}/unsubscribe/${patient.id}.${token}`;
  }
  return renderEmail({
    kind: reminder.kind,
    clinic,
    patient: { firstName: patient.firstName },
    appointment: {
      id: appointment.id,
      service: appointment.service,
      start: appointment.start,
      end: appointment.end,
      ...(appointment.sequence !== undefined ? { sequence: appointment.sequence } : {}),
    },
    ...(protocol ? { protocol } : {}),
    ...(sessions && sessions.length > 1 ? { sessions } : {}),
    ...(reminder.previousStart ? { previousStart: reminder.previousStart } : {}),
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
    icsSequence: appointment.version,
    issuedAt: nowIso(deps),
    organizerEmail: deps.senderEmail,
  });
}
