import type {
  Appointment,
  Protocol,
  Reminder,
  ServiceId,
  StaffAssignment,
  StaffNeed,
  StaffRole,
} from "./api/types.js";

/** Words for the API's codes, as a front desk says them. */

const SHORT_SERVICE: Record<ServiceId, string> = {
  consultation: "Consultation",
  integration: "Integration",
  booster: "Booster",
  "iv-ketamine": "IV",
  "im-ketamine": "IM",
  esketamine: "Esketamine",
  kap: "KAP",
};

/** "IV", "Consultation": short enough for a time grid. */
export function shortService(service: ServiceId): string {
  return SHORT_SERVICE[service];
}

/** The protocol's own name where there is one ("IV ketamine infusion"), else the short name. */
export function serviceName(service: ServiceId, protocols: readonly Protocol[]): string {
  return protocols.find((p) => p.id === service)?.name ?? SHORT_SERVICE[service];
}

/** "IV 3 of 6" for a series session, "IV" otherwise. */
export function serviceWithPosition(
  service: ServiceId,
  sequence: number | undefined,
  sessionsInSeries: number | undefined,
): string {
  const name = shortService(service);
  if (sequence === undefined) return name;
  return sessionsInSeries ? `${name} ${sequence} of ${sessionsInSeries}` : `${name} session ${sequence}`;
}

export const APPOINTMENT_STATUS: Record<Appointment["status"], string> = {
  booked: "Booked",
  completed: "Completed",
  "no-show": "No-show",
  cancelled: "Cancelled",
};

export const REMINDER_KIND: Record<Reminder["kind"], string> = {
  confirmation: "Confirmation",
  preparation: "Preparation instructions",
  reminder: "Day-before reminder",
  booster: "Booster invitation",
  cancellation: "Cancellation notice",
  reschedule: "New time notice",
};

export const REMINDER_STATUS: Record<Reminder["status"], string> = {
  scheduled: "Scheduled",
  sent: "Sent",
  skipped: "Not sent",
  cancelled: "Withdrawn",
  failed: "Failed",
};

const REASONS: Record<string, string> = {
  "booked-within-24h": "booked less than a day ahead",
  "no-email-consent": "the patient has not agreed to emails",
  "email-bounced": "the patient's address bounced: correct it",
  "email-complained": "the patient reported an email as spam",
  unsubscribed: "the patient turned off booster invitations",
  "appointment-started": "the appointment had already started",
  "appointment-moved": "the appointment moved to another time",
  "appointment-cancelled": "the appointment was cancelled",
  "appointment-completed": "the appointment was already completed",
  "appointment-no-show": "the appointment was marked as a no-show",
  "appointment-not-found": "the appointment no longer exists",
  "patient-not-found": "the patient record no longer exists",
};

/** Why a reminder was not sent, in words; an unknown code is shown as it is rather than hidden. */
export function reminderReason(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  if (REASONS[reason]) return REASONS[reason];
  if (reason.startsWith("rejected-")) return `the email service refused it (${reason.slice(9)})`;
  return reason.replaceAll("-", " ");
}

export const EMAIL_STATUS: Record<string, string> = {
  ok: "Delivering",
  bounced: "Bounced: correct the address",
  complained: "Reported as spam: emails stopped",
};

export const RESOURCE_LABEL = { chair: "Chair", office: "Office" } as const;

/** Whether the patient answered the email's Confirm link: the desk calls the ones who did not. */
export const CONFIRMATION = { confirmed: "Confirmed", unconfirmed: "Not confirmed" } as const;
export const CONFIRMATION_TONE = { confirmed: "good", unconfirmed: "neutral" } as const;

export const STAFF_ROLE: Record<StaffRole, string> = {
  prescriber: "Prescriber",
  nurse: "Nurse",
  therapist: "Therapist",
};

/** The order a session's people are read out in: who is responsible first. */
const ROLE_ORDER: readonly StaffRole[] = ["prescriber", "nurse", "therapist"];

/** A session's people, prescriber first, then nurse, then therapist; the API's order within a role. */
export function staffInOrder(staff: readonly StaffAssignment[] | undefined): StaffAssignment[] {
  return [...(staff ?? [])].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** "Prescriber Dr Lee · Nurse Sam Ortiz": who staffs a session; "" when nobody is assigned. */
export function staffWords(staff: readonly StaffAssignment[] | undefined): string {
  return staffInOrder(staff)
    .map((s) => `${STAFF_ROLE[s.role]} ${s.name}`)
    .join(" · ");
}

/** "a nurse (up to 3 sessions at once)", "a prescriber on site", "a therapist, one to one". */
export function staffNeedWords(need: StaffNeed): string {
  const role = need.role;
  if (need.sessionsAtOnce === "on-site") return `a ${role} on site`;
  if (need.sessionsAtOnce === 1) return `a ${role}, one to one`;
  return `a ${role} (up to ${need.sessionsAtOnce} sessions at once)`;
}
