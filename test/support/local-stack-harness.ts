import { randomUUID } from "node:crypto";
import { type LocalStackOptions, startLocalStack } from "../../local/local-stack.js";
import type { StoredEmail } from "../../local/ses-emulator.js";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { signLocalToken } from "../../shared/http/local-token.js";
import type { Role } from "../../shared/http/roles.js";
import { MONDAY_MORNING } from "./api-harness.js";
import { services } from "./services.js";

/**
 * The whole local stack (API over HTTP, stream poller, schedule-sync, Scheduler emulator, send-reminder,
 * SES emulator) on the test run's DynamoDB Local and SES emulator, with its own table and clock.
 */
export async function localStackHarness(options: Partial<LocalStackOptions> = {}) {
  const { dynamodbEndpoint, sesEndpoint } = services();
  const stack = await startLocalStack({
    port: 0,
    sesPort: 0,
    dynamodbPort: 0,
    external: { dynamodbEndpoint, sesEndpoint },
    tableName: `e2e-${randomUUID()}`,
    initialTime: new Date(MONDAY_MORNING),
    // No booking hold unless a test asks for one: most tests check the emails due at booking right away.
    clinic: { ...DEFAULT_CLINIC, notificationDelayMinutes: 0 },
    ...options,
  });
  const token = (role: Role) => signLocalToken({ roles: [role], secret: stack.jwtSecret });

  async function call(method: string, path: string, body?: unknown, role: Role = "staff") {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(role)}`, "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Emails the emulator holds for one address (other test files share the emulator). */
  async function emailsTo(address: string): Promise<StoredEmail[]> {
    return (await stack.ses.store()).filter((e) => e.destination.to.some((to) => to.includes(address)));
  }

  /** A patient eligible for the protocols after a consultation on the first free morning slot. */
  async function eligiblePatient(protocols: string[], extra: Record<string, unknown> = {}) {
    const email = `p-${randomUUID()}@example.com`;
    const patient = await call("POST", "/patients", {
      firstName: "Jamie",
      lastName: "Okafor",
      email,
      emailConsent: true,
      ...extra,
    });
    if (patient.status !== 201) throw new Error(JSON.stringify(patient.body));
    const now = stack.clock.now();
    const inTwoWeeks = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const slots = await call(
      "GET",
      `/availability?service=consultation&from=${now.toISOString().slice(0, 10)}&to=${inTwoWeeks}`,
    );
    const consult = await call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start: slots.body.slots[0].start,
    });
    if (consult.status !== 201) throw new Error(JSON.stringify(consult.body));
    await call("POST", "/local/clock", { now: consult.body.end }, "admin");
    const outcome = await call(
      "POST",
      `/appointments/${consult.body.id}/outcome`,
      { eligible: true, protocols },
      "clinician",
    );
    if (outcome.status !== 200) throw new Error(JSON.stringify(outcome.body));
    return {
      id: patient.body.id as string,
      email: (extra.email as string | undefined) ?? email,
      consultation: consult.body,
    };
  }

  /** Every reminder of the patient's appointments with the given status. */
  async function remindersOf(patientId: string, status?: string) {
    const list = await call("GET", `/patients/${patientId}/appointments`);
    const reminders = list.body.appointments.flatMap((a: { id: string; reminders: { status: string }[] }) =>
      a.reminders.map((r) => ({ ...r, appointmentId: a.id })),
    );
    return status ? reminders.filter((r: { status: string }) => r.status === status) : reminders;
  }

  return { stack, call, emailsTo, eligiblePatient, remindersOf, token };
}

export type LocalStackHarness = Awaited<ReturnType<typeof localStackHarness>>;
