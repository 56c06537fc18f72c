import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { AwsCounter } from "../../bench/aws-counter.js";
import { DynamoDbStore } from "../../shared/adapters/dynamodb/dynamodb-store.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import { hs256Tokens } from "../../shared/http/authenticators.js";
import { signLocalToken } from "../../shared/http/local-token.js";
import type { Role } from "../../shared/http/roles.js";
import { randomIds } from "../../shared/ports/id-source.js";
import type { Mailer } from "../../shared/ports/mailer.js";
import type { ReminderDeps } from "../../shared/use-cases/send-reminder.js";
import { freshTable } from "./dynamodb.js";
import { TestClock } from "./test-clock.js";

export const TEST_SECRET = "test-secret";
/** Monday 30 November 2026, 08:00 in New York: the default clinic has just opened. */
export const MONDAY_MORNING = "2026-11-30T13:00:00.000Z";

export interface ApiResponse {
  status: number;
  body: any;
  headers: Headers;
}

/** The real admin API on a fresh DynamoDB Local table, called in-process with real tokens. */
export async function apiHarness(options: { clinic?: Clinic; now?: string } = {}) {
  const table = await freshTable("api");
  const clock = new TestClock(options.now ?? MONDAY_MORNING);
  // Every request the store sends, counted from its first: its client caches middleware per command type.
  const requests = new AwsCounter();
  requests.instrument(table.storeClient, "DynamoDB");
  const store = new DynamoDbStore(table.storeClient, table.tableName, () =>
    Math.floor(clock.now().getTime() / 1000),
  );
  const deps = { store, clock, ids: randomIds, clinicDefaults: options.clinic ?? DEFAULT_CLINIC };
  const app = createApp({
    deps,
    authenticate: hs256Tokens(TEST_SECRET),
    openApiDocument: apiOpenApiDocument,
  });
  /** What send-reminder runs with on this table and clock, sending through `mailer`. */
  const reminderDeps = (mailer: Mailer): ReminderDeps => ({
    ...deps,
    mailer,
    senderEmail: "reminders@clinic.example",
  });
  const tokens: Record<Role, string> = {
    admin: await signLocalToken({ roles: ["admin"], secret: TEST_SECRET }),
    staff: await signLocalToken({ roles: ["staff"], secret: TEST_SECRET }),
    clinician: await signLocalToken({ roles: ["clinician"], secret: TEST_SECRET }),
  };

  async function call(
    method: string,
    path: string,
    body?: unknown,
    opts: { role?: Role | "none"; token?: string; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    const role = opts.role ?? "staff";
    const token = opts.token ?? (role === "none" ? undefined : tokens[role]);
    if (token) headers.authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (opts.rawBody !== undefined || body !== undefined) {
      headers["content-type"] ??= "application/json";
      init.body = opts.rawBody ?? JSON.stringify(body);
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Every item in the table. Tests only: the application itself never scans. */
  async function everyItem(): Promise<Record<string, any>[]> {
    const items: Record<string, any>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await table.doc.send(
        new ScanCommand({ TableName: table.tableName, ExclusiveStartKey, ConsistentRead: true }),
      );
      items.push(...(out.Items ?? []));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /**
   * The clinic's data: every item but the audit trail's. A refused request writes none of it, though it
   * leaves an audit entry saying it was refused (see auditItems).
   */
  async function allItems(): Promise<Record<string, any>[]> {
    return (await everyItem()).filter((i) => i.type !== "audit");
  }

  /** The audit trail's entries, as stored. */
  async function auditItems(): Promise<Record<string, any>[]> {
    return (await everyItem()).filter((i) => i.type === "audit");
  }

  return { app, call, clock, store, table, requests, tokens, allItems, auditItems, reminderDeps };
}

export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;

export const newPatient = (overrides: Record<string, unknown> = {}) => ({
  firstName: "Alex",
  lastName: "Rivera",
  email: "alex.rivera@example.com",
  emailConsent: true,
  ...overrides,
});

/**
 * A patient with a completed consultation that made them eligible: books the first free consultation,
 * lets the clock pass it to record the clinician's outcome, then puts the clock back.
 */
export async function eligiblePatient(
  api: ApiHarness,
  protocols: string[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const patient = await api.call("POST", "/patients", newPatient(overrides));
  if (patient.status !== 201) throw new Error(`patient: ${JSON.stringify(patient.body)}`);
  const before = api.clock.now().toISOString();
  const today = before.slice(0, 10);
  const week = new Date(new Date(before).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const free = await api.call("GET", `/availability?service=consultation&from=${today}&to=${week}`);
  const start = free.body.slots?.[0]?.start as string;
  const consult = await api.call("POST", "/appointments", {
    patientId: patient.body.id,
    service: "consultation",
    start,
  });
  if (consult.status !== 201) throw new Error(`consultation: ${JSON.stringify(consult.body)}`);
  api.clock.set(new Date(new Date(start).getTime() + 60 * 60_000).toISOString());
  const outcome = await api.call(
    "POST",
    `/appointments/${consult.body.id}/outcome`,
    { eligible: true, protocols },
    { role: "clinician" },
  );
  if (outcome.status !== 200) throw new Error(`outcome: ${JSON.stringify(outcome.body)}`);
  api.clock.set(before);
  return patient.body.id as string;
}
