import type { Clinic } from "../domain/clinic.js";
import { patientLinkUrl, signPatientLink } from "../domain/patient-link.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import type { Appointment, Patient, Reminder, ReminderKind } from "../domain/types.js";
import { unsubscribeLinkUrl } from "../domain/unsubscribe-token.js";
import { renderEmail } from "../email/index.js";
import { type Mailer, PermanentSendFailure } from "../ports/mailer.js";
import type { ReminderJob } from "../ports/reminder-scheduler.js";
import type { ClaimedReminder, SeriesSessionSummary } from "../ports/store.js";
import { type Deps, nowIso } from "./deps.js";

export interface ReminderDeps extends Deps {
  mailer: Mailer;
  /** The sending address, named as organizer in calendar files. */
  senderEmail: string;
  /** Base URL of the API, for the booster invitation's unsubscribe link and the Confirm and Cancel links. */
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

/** The sessions of a series each kind lists: what was booked, or what was called off. */
const LISTED_STATUS: Partial<Record<ReminderKind, Appointment["status"]>> = {
  confirmation: "booked",
  cancellation: "cancelled",
};

/** A closure notice is about its own appointment: the series' other sessions go ahead. */
const listsSeries = (reminder: Reminder) =>
  LISTED_STATUS[reminder.kind] !== undefined && reminder.notice !== "clinic-closure";

/**
 * Sends one reminder, at most once, and only if it still makes sense. Four AWS requests in the usual case.
 * 1. Claim it with a conditional write that also checks it is still pending at this schedule's due time:
 *    of several deliveries of one schedule, one proceeds; a schedule made before a move or a cancellation
 *    finds nothing to claim and does nothing (the moved reminder has its own schedule).
 * 2. Read the appointment, the patient and the clinic in one request, after the claim, so a cancellation
 *    that landed meanwhile wins. A series confirmation or cancellation reads its series in the same
 *    request: the series item summarises its sessions, kept current by every write to one of them.
 * 3. Skip, with the reason recorded, when the appointment was cancelled or has begun, the patient gave no
 *    consent, the address bounced or complained, or the patient stopped booster invitations.
 * 4. Render, send through the mailer, and record the message id as `sent`; a permanent rejection is
 *    `failed`; anything else lets the claim go and rethrows so the invocation is retried.
 */
export async function sendReminder(deps: ReminderDeps, job: ReminderJob): Promise<SendOutcome> {
  const now = nowIso(deps);
  const claimId = deps.ids();
  const claim = { appointmentId: job.appointmentId, reminderId: job.reminderId, claimId };
  const reminder = await deps.store.claimReminder({
    ...claim,
    dueAt: job.dueAt,
    now,
    leaseUntil: new Date(deps.clock.now().getTime() + LEASE_MS).toISOString(),
  });
  if (!reminder) return { result: "ignored", reason: await whyNotClaimed(deps, job) };

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
    const seriesId = listsSeries(reminder) ? reminder.seriesId : undefined;
    const context = await deps.store.getSendContext(job.appointmentId, reminder.patientId, seriesId);
    const { appointment, patient } = context;
    if (!appointment) return await settle({ result: "skipped", reason: "appointment-not-found" });
    if (!patient) return await settle({ result: "skipped", reason: "patient-not-found" });
    const stale = staleReason(appointment, reminder, patient, now);
    if (stale) return await settle(stale);

    const clinic = context.clinic ?? deps.clinicDefaults;
    const email = await render(deps, {
      clinic,
      appointment,
      reminder,
      patient,
      unsubscribeToken: context.unsubscribeToken,
      seriesSessions: context.seriesSessions,
    });
    const messageId = await deps.mailer.send({
      to: patient.email,
      ...email,
      // SES's Send event carries these back: if this sender dies before recording the send, the event
      // settles the claim (recordSendEvent), so the reconciler does not send it again.
      tags: {
        patientId: patient.id,
        appointmentId: appointment.id,
        reminderId: reminder.id,
        claimId,
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

/** Only when nothing was claimed (off the usual path): one read to say why, for the logs and the local clock. */
async function whyNotClaimed(deps: ReminderDeps, job: ReminderJob): Promise<string> {
  const current = await deps.store.getReminder(job.appointmentId, job.reminderId);
  if (!current) return "reminder-not-found";
  if (current.status !== "scheduled") return `already-${current.status}`;
  if (current.dueAt !== job.dueAt) return "moved";
  return "claimed-by-another-delivery";
}

function staleReason(
  appointment: Omit<Appointment, "reminders">,
  reminder: ClaimedReminder,
  patient: Patient,
  now: string,
): Exclude<SendOutcome, { result: "sent" | "ignored" }> | undefined {
  if (PRE_SESSION.has(reminder.kind) || reminder.kind === "reschedule") {
    if (appointment.status !== "booked")
      return { result: "cancelled", reason: `appointment-${appointment.status}` };
    // Moved after this reminder was planned (the move cancelled it and planned one of its own, which
    // says the new time): this one would be a second email about the same thing.
    if (reminder.plannedFor !== undefined && reminder.plannedFor !== appointment.start)
      return { result: "cancelled", reason: "appointment-moved" };
    if (reminder.kind !== "confirmation" && appointment.start <= now)
      return { result: "skipped", reason: "appointment-started" };
  }
  if (reminder.kind === "booster" && patient.boosterOptOut)
    return { result: "skipped", reason: "unsubscribed" };
  if (!patient.emailConsent) return { result: "skipped", reason: "no-email-consent" };
  if (patient.emailStatus !== "ok") return { result: "skipped", reason: `email-${patient.emailStatus}` };
  return undefined;
}

interface RenderArgs {
  clinic: Clinic;
  appointment: Omit<Appointment, "reminders">;
  reminder: Reminder;
  patient: Patient;
  unsubscribeToken: string | undefined;
  seriesSessions: SeriesSessionSummary[] | undefined;
}

/**
 * The series' sessions a confirmation or cancellation lists. The summary read with the appointment is
 * trusted only if its entry for this appointment is the appointment as read. Both are written by one
 * transaction, so they differ only when a change landed between the reads of one batch, or when code
 * older than the summary (still running during a deploy) wrote the session. A series booked before the
 * summary existed has none. In those cases, and only then, the sessions are listed from the series index
 * instead: one more request, eventually consistent, as every series email was before the summary.
 */
async function listedSessions(
  deps: ReminderDeps,
  appointment: Omit<Appointment, "reminders">,
  kind: ReminderKind,
  summary: SeriesSessionSummary[] | undefined,
) {
  const wanted = LISTED_STATUS[kind];
  if (appointment.seriesId === undefined || !wanted) return undefined;
  const own = summary?.find((s) => s.id === appointment.id);
  const current =
    own !== undefined &&
    own.version === appointment.version &&
    own.status === appointment.status &&
    own.start === appointment.start &&
    own.end === appointment.end;
  const sessions = summary && current ? summary : await deps.store.listSeriesSessions(appointment.seriesId);
  return sessions
    .filter((s) => s.status === wanted)
    .map((s) => ({ id: s.id, start: s.start, end: s.end, sequence: s.sequence ?? 0 }));
}

async function render(
  deps: ReminderDeps,
  { clinic, appointment, reminder, patient, unsubscribeToken, seriesSessions }: RenderArgs,
) {
  const protocol = appointment.protocolId ? clinicProtocol(clinic, appointment.protocolId) : undefined;
  const sessions = listsSeries(reminder)
    ? await listedSessions(deps, appointment, reminder.kind, seriesSessions)
    : undefined;
  const unsubscribeUrl =
    reminder.kind === "booster" && deps.publicApiUrl && unsubscribeToken
      ? unsubscribeLinkUrl(deps.publicApiUrl, {
          patientId: patient.id,
          email: patient.email,
          secret: unsubscribeToken,
          issuedAt: deps.clock.now(),
        })
      : undefined;
  const answerLinks = await answerLinksFor(deps, appointment, reminder, sessions);
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
    ...(reminder.notice ? { notice: reminder.notice } : {}),
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
    ...(answerLinks ? { answerLinks } : {}),
    icsSequence: appointment.version,
    issuedAt: nowIso(deps),
    organizerEmail: deps.senderEmail,
  });
}

/**
 * Confirm and Cancel links for the one appointment an email is about: a confirmation of a single booking,
 * and every day-before reminder (each session of a series gets its own there). Signed for the time the
 * email names, so they stop working when it starts, or say "moved" if it moves.
 */
async function answerLinksFor(
  deps: ReminderDeps,
  appointment: Omit<Appointment, "reminders">,
  reminder: Reminder,
  sessions: unknown[] | undefined,
): Promise<{ confirm: string; cancel: string } | undefined> {
  const about =
    reminder.kind === "reminder" || (reminder.kind === "confirmation" && (sessions?.length ?? 0) <= 1);
  if (!about || !deps.publicApiUrl || !deps.linkKeys) return undefined;
  const keys = await deps.linkKeys.keys();
  const url = (action: "confirm" | "cancel") =>
    patientLinkUrl(
      deps.publicApiUrl as string,
      action,
      signPatientLink({ keys, action, appointmentId: appointment.id, start: appointment.start }),
    );
  return { confirm: url("confirm"), cancel: url("cancel") };
}
