import type { AcceptedEmail } from "../../../local/ses/accepted-mail-log.js";
import type { StoredEmail } from "../../../local/ses-emulator.js";
import type { Call } from "./api-client.js";

const DAY = 86_400_000;
const OFFICE_SERVICES = new Set(["consultation", "integration"]);

interface Reminder {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
  reason?: string;
  messageId?: string;
}
export interface Appointment {
  id: string;
  patientId: string;
  service: string;
  start: string;
  end: string;
  status: string;
  seriesId?: string;
  reminders: Reminder[];
}

export interface InvariantReport {
  now: string;
  patients: number;
  appointments: number;
  reminders: Record<string, number>;
  emails: number;
  /** Each broken invariant, with what a reader needs to find it (ids, states; never names or addresses). */
  violations: string[];
}

/**
 * The invariants of the guarantees table, read from the API and the SES emulator after the last restart
 * and the final clock move: every reminder that fell due is settled (sent, or not sent with a reason,
 * never `scheduled` past due); the emails each patient received are the reminders shown as `sent`, one
 * each (matched by the reminderId tag SES keeps); the inbox holds every accepted email; no chair or
 * office is overbooked; a series keeps its minimum spacing.
 */
export async function checkInvariants(
  call: Call,
  sesUrl: string,
  patientIds: string[],
  /** What the raw state says of a reminder left unsettled (claim, lease, schedule), for the report. */
  inspect: (appointmentId: string, reminderId: string) => Promise<string> = async () => "",
  configurationSet = "clinic-scheduler-local",
): Promise<InvariantReport> {
  const violations: string[] = [];
  const now = (await call("GET", "/local/clock")).body.now as string;
  const clinic = (await call("GET", "/clinic")).body;
  const protocols = new Map<string, { spacing: { phases: { minGapHours: number }[] } }>(
    (await call("GET", "/protocols")).body.protocols.map((p: { id: string }) => [p.id, p]),
  );

  const accepted = (await (
    await fetch(
      `${sesUrl}/accepted-emails?${new URLSearchParams({ configurationSet, after: "0", limit: "1000000" })}`,
    )
  ).json()) as { emails: AcceptedEmail[] };
  const inbox = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  const inboxIds = new Set(inbox.emails.map((e) => e.messageId));
  for (const a of accepted.emails) {
    if (!inboxIds.has(a.email.messageId))
      violations.push(`email ${a.email.messageId} accepted but not in the inbox`);
  }
  const emailsByReminder = new Map<string, AcceptedEmail[]>();
  for (const a of accepted.emails) {
    const id = a.tags.reminderId ?? "(untagged)";
    emailsByReminder.set(id, [...(emailsByReminder.get(id) ?? []), a]);
  }

  const appointments: Appointment[] = [];
  for (const id of patientIds) {
    const res = await call("GET", `/patients/${id}/appointments`);
    // A patient DynamoDB Local lost with its last acknowledged write (see dynamodb-local.test.ts) is absent.
    if (res.status === 200) appointments.push(...res.body.appointments);
  }

  const reminders: Record<string, number> = {};
  const seenReminders = new Set<string>();
  for (const appointment of appointments) {
    for (const r of appointment.reminders) {
      seenReminders.add(r.id);
      const due = r.dueAt <= now;
      reminders[`${r.status}${due ? "" : " (not due)"}`] =
        (reminders[`${r.status}${due ? "" : " (not due)"}`] ?? 0) + 1;
      const where = `${r.kind} reminder ${r.id} of ${appointment.service} ${appointment.id} (${appointment.status}), due ${r.dueAt}`;
      const emails = emailsByReminder.get(r.id) ?? [];
      if (r.status === "scheduled" && due) {
        const state = await inspect(appointment.id, r.id);
        violations.push(`${where}: still scheduled past due, ${emails.length} email(s); ${state}`);
      }
      if (r.status === "failed" && !r.reason) violations.push(`${where}: failed without a reason`);
      if (r.status === "sent") {
        if (emails.length !== 1) violations.push(`${where}: sent, with ${emails.length} emails`);
        else if (r.messageId !== emails[0]?.email.messageId)
          violations.push(`${where}: sent as ${r.messageId}, but its email is ${emails[0]?.email.messageId}`);
      } else if (emails.length > 0 && r.status !== "scheduled") {
        violations.push(
          `${where}: ${r.status} (${r.reason ?? "no reason"}), yet ${emails.length} email(s) went out`,
        );
      } else if (emails.length > 0 && due) {
        violations.push(`${where}: scheduled, yet ${emails.length} email(s) went out`);
      }
    }
  }
  for (const [reminderId, emails] of emailsByReminder) {
    if (!seenReminders.has(reminderId)) {
      violations.push(`${emails.length} email(s) for reminder ${reminderId}, which no appointment shows`);
    }
  }

  checkCapacity(appointments, { chair: clinic.chairs, office: clinic.offices }, violations);
  checkSpacing(appointments, protocols, violations);
  return {
    now,
    patients: patientIds.length,
    appointments: appointments.length,
    reminders,
    emails: accepted.emails.length,
    violations,
  };
}

function checkCapacity(
  appointments: Appointment[],
  capacity: Record<"chair" | "office", number>,
  violations: string[],
) {
  for (const resource of ["chair", "office"] as const) {
    const held = appointments.filter(
      (a) => a.status !== "cancelled" && OFFICE_SERVICES.has(a.service) === (resource === "office"),
    );
    const edges = held.flatMap((a) => [
      { at: Date.parse(a.start), delta: 1, id: a.id },
      { at: Date.parse(a.end), delta: -1, id: a.id },
    ]);
    // Ends before starts at the same instant: back-to-back sessions share nothing.
    edges.sort((x, y) => x.at - y.at || x.delta - y.delta);
    let inUse = 0;
    for (const edge of edges) {
      inUse += edge.delta;
      if (inUse > capacity[resource]) {
        violations.push(
          `${inUse} ${resource}s in use at ${new Date(edge.at).toISOString()} (capacity ${capacity[resource]})`,
        );
        break;
      }
    }
  }
}

export function checkSpacing(
  appointments: Appointment[],
  protocols: Map<string, { spacing: { phases: { minGapHours: number }[] } }>,
  violations: string[],
) {
  const bySeries = new Map<string, Appointment[]>();
  for (const a of appointments) {
    // Only the protocol's own sessions: a KAP series also books an integration session the day after
    // each dose, under the same series id, which the dosing spacing does not apply to.
    if (a.seriesId && a.status !== "cancelled" && protocols.has(a.service))
      bySeries.set(a.seriesId, [...(bySeries.get(a.seriesId) ?? []), a]);
  }
  for (const [seriesId, sessions] of bySeries) {
    const protocol = protocols.get(sessions[0]?.service ?? "");
    if (!protocol) continue;
    const minGap = Math.min(...protocol.spacing.phases.map((p) => p.minGapHours)) * 3_600_000;
    sessions.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sessions.length; i++) {
      const gap = Date.parse(sessions[i]?.start ?? "") - Date.parse(sessions[i - 1]?.start ?? "");
      if (gap < minGap)
        violations.push(`series ${seriesId}: sessions ${i} and ${i + 1} only ${gap / DAY} days apart`);
    }
  }
}
