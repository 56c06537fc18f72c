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
  return retryOnStaleWrite(async () => {
    const patient = await deps.store.getPatient(event.patientId!);
    if (!patient) return "ignored";
    const address = patient.email.toLowerCase();
    if (!event.recipients.some((r) => r.toLowerCase().includes(address))) return "ignored";
    if (patient.emailStatus === status) return status;
    await deps.store.updatePatient({
      ...patient,
      emailStatus: status,
      version: patient.version + 1,
      updatedAt: nowIso(deps),
    });
    return status;
  });
}
