import { revised } from "../domain/revision.js";
import type { EmailStatus } from "../domain/types.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";

export interface EmailEvent {
  type: "Bounce" | "Complaint";
  /** From the email's tags: which patient it was sent to. */
  patientId?: string;
  /** The address that bounced or complained. */
  recipients: string[];
  /** "Permanent" bounces mark the address; transient ones (mailbox full) do not. */
  bounceType?: string;
}

/**
 * Marks a patient's address after a permanent bounce or a complaint, so later reminders are skipped with
 * a reason staff can see (and fix by correcting the address). Ignores events for an address the patient
 * no longer has.
 */
export async function recordEmailEvent(deps: Deps, event: EmailEvent): Promise<EmailStatus | "ignored"> {
  if (!event.patientId) return "ignored";
  if (event.type === "Bounce" && event.bounceType !== "Permanent") return "ignored";
  const status: EmailStatus = event.type === "Bounce" ? "bounced" : "complained";
  return retryOnStaleWrite(deps, async () => {
    const patient = await deps.store.getPatient(event.patientId!);
    if (!patient) return "ignored";
    const address = patient.email.toLowerCase();
    if (!event.recipients.some((r) => r.toLowerCase().includes(address))) return "ignored";
    if (patient.emailStatus === status) return status;
    await deps.store.updatePatient(revised(patient, { emailStatus: status }, nowIso(deps)));
    return status;
  });
}

/** What SES's Send event says of one email send-reminder sent, from the tags it gave the email. */
export interface SendEvent {
  appointmentId: string;
  reminderId: string;
  claimId: string;
  messageId: string;
  /** When SES accepted it. */
  sentAt: string;
}

/**
 * SES accepted an email: settle its reminder as sent under the claim that sent it. The sender does this
 * itself right after SES answers; the event is for a sender that died in between, so the reconciler finds
 * the reminder settled instead of sending it again. A settlement already made is left as it is (the
 * store's settle is keyed by the claim), so the event and the sender may arrive in either order.
 */
export async function recordSendEvent(deps: Deps, event: SendEvent): Promise<void> {
  await deps.store.settleReminder({
    appointmentId: event.appointmentId,
    reminderId: event.reminderId,
    claimId: event.claimId,
    status: "sent",
    sentAt: event.sentAt,
    messageId: event.messageId,
  });
}
