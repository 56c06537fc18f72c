import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateScheduleGroupCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { ensureTable } from "../local/create-table.js";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/dynamodb-local.js";
import { createTableClient } from "../shared/adapters/dynamodb/client.js";
import { DynamoDbStore } from "../shared/adapters/dynamodb/dynamodb-store.js";
import { EventBridgeReminderScheduler } from "../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { SesMailer } from "../shared/adapters/ses/ses-mailer.js";
import type { Appointment, Patient, ProtocolId } from "../shared/domain/types.js";
import { makeScheduleSyncHandler } from "../shared/handlers/schedule-sync-handler.js";
import { makeSendReminderHandler } from "../shared/handlers/send-reminder-handler.js";
import { apiOpenApiDocument } from "../shared/http/api-openapi-document.js";
import { createApp } from "../shared/http/app.js";
import { hs256Tokens } from "../shared/http/authenticators.js";
import { signLocalToken } from "../shared/http/local-token.js";
import { randomIds } from "../shared/ports/id-source.js";
import type { ReminderJob } from "../shared/ports/reminder-scheduler.js";
import { AwsCounter, DYNAMODB_WRITES } from "./aws-counter.js";
import type { BenchStack } from "./bench-stack.js";
import { BENCH_CLINIC, BENCH_EPOCH, clinicStart } from "./fixtures.js";

export interface OperationCount {
  operation: string;
  requests: Record<string, number>;
  total: number;
  /** DynamoDB write requests (a "write round trip" each). */
  writes: number;
  /** The fewest requests that can do the job, and how. */
  minimum: number;
  minimumHow: string;
}

export interface RequestCountResult {
  operations: OperationCount[];
  scans: number;
}

/**
 * The fewest requests each operation needs, reasoned from what it must read and write: every keyed read
 * it needs can share one BatchGetItem (DynamoDB reads up to 100 keys, consistently, in one request),
 * everything it writes one TransactWriteItems. Reads that depend on an earlier read's answer (the
 * capacity day of an appointment being moved) add one round trip.
 */
const MINIMUM: Record<string, [number, string]> = {
  "create patient": [2, "read the clinic (default time zone), one transactional write"],
  "book consultation": [2, "BatchGetItem(clinic, patient, capacity day), TransactWriteItems"],
  "book series (iv-ketamine, 6)": [
    2,
    "BatchGetItem(clinic, patient, ≤100 capacity days), TransactWriteItems",
  ],
  "book series (esketamine, 12)": [
    2,
    "BatchGetItem(clinic, patient, ≤100 capacity days), TransactWriteItems",
  ],
  "reschedule consultation": [
    3,
    "Query(appointment + reminders), BatchGetItem(clinic, patient, days), write",
  ],
  "reschedule series session": [
    3,
    "as a consultation; the series item, with its sessions' summary, rides in the same BatchGetItem",
  ],
  "cancel consultation": [3, "Query(appointment + reminders), BatchGetItem(clinic, patient, day), write"],
  "send reminder (day-before)": [
    4,
    "conditional claim (UpdateItem, ALL_NEW), BatchGetItem(appointment, patient, clinic), SendEmail, settle",
  ],
  "send reminder (series confirmation)": [
    4,
    "as a single reminder; the series item, with its sessions' summary, rides in the same BatchGetItem",
  ],
  "sync schedule: new reminder": [1, "CreateSchedule"],
  "sync schedule: moved reminder": [1, "UpdateSchedule (the old image says the schedule exists)"],
  "sync schedule: cancelled reminder": [1, "DeleteSchedule"],
};

/**
 * Counts the AWS requests of each operation through its real entry point (the Hono app for the API,
 * the send-reminder and schedule-sync handlers), with our own instrumented clients against the local
 * stack's DynamoDB Local, SES emulator and Scheduler emulator, on a table of its own.
 */
export async function measureRequestCounts(bench: BenchStack): Promise<RequestCountResult> {
  const { stack } = bench;
  const counter = new AwsCounter();
  const aws = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...aws, endpoint: stack.dynamodbEndpoint });
  const tableName = `bench-requests-${Date.now()}`;
  await ensureTable(dynamo, tableName);
  // The store's client as the functions build it, counted from its first request.
  const storeClient = counter.instrument(
    createTableClient({ ...aws, endpoint: stack.dynamodbEndpoint }),
    "DynamoDB",
  );
  let now = new Date(BENCH_EPOCH.getTime());
  const clock = { now: () => new Date(now.getTime()) };
  const store = new DynamoDbStore(storeClient, tableName, () => Math.floor(now.getTime() / 1000));
  await store.putClinic(BENCH_CLINIC);
  const deps = { store, clock, ids: randomIds, clinicDefaults: BENCH_CLINIC };

  const schedulerClient = counter.instrument(
    new SchedulerClient({ ...aws, endpoint: stack.scheduler.endpoint }),
    "Scheduler",
  );
  // A group of its own, so the stack's scheduler never fires these schedules into the stack's table.
  const groupName = "bench-request-counts";
  await schedulerClient.send(new CreateScheduleGroupCommand({ Name: groupName }));
  const scheduler = new EventBridgeReminderScheduler(
    schedulerClient,
    {
      groupName,
      targetArn: "arn:aws:lambda:us-east-1:000000000000:function:send-reminder",
      roleArn: "arn:aws:iam::000000000000:role/scheduler-invokes-send-reminder",
      deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:schedule-dlq",
    },
    // In AWS this is one Lambda Invoke (InvocationType Event); counted, not sent.
    async () => {
      counter.record("Lambda.Invoke");
    },
  );
  const scheduleSync = makeScheduleSyncHandler({ scheduler, clock, store });
  const mailer = new SesMailer(
    counter.instrument(new SESv2Client({ ...aws, endpoint: stack.sesUrl }), "SESv2"),
    "reminders@clinic.local",
  );
  const sendReminder = makeSendReminderHandler({ ...deps, mailer, senderEmail: "reminders@clinic.local" });

  const secret = "bench-request-counts";
  const app = createApp({ deps, authenticate: hs256Tokens(secret), openApiDocument: apiOpenApiDocument });
  const token = await signLocalToken({ roles: ["staff"], secret });
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };

  const operations: OperationCount[] = [];
  const measure = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    const { result, requests, total } = await counter.measure(fn);
    const [minimum, minimumHow] = MINIMUM[operation] ?? [Number.NaN, "?"];
    const writes = DYNAMODB_WRITES.reduce((n, op) => n + (requests[op] ?? 0), 0);
    operations.push({ operation, requests, total, writes, minimum, minimumHow });
    return result;
  };
  /** Fixture: makes a patient eligible as a consultation outcome would, outside any measurement. */
  const eligible = async (patient: Patient, protocol: ProtocolId, rems = false) => {
    const next = {
      ...patient,
      eligibleProtocols: [protocol],
      remsEnrolled: rems,
      version: patient.version + 1,
    };
    await store.updatePatient(next);
  };
  const newPatient = (n: number) => ({
    firstName: "Count",
    lastName: `Patient ${n}`,
    email: `count-${n}@example.com`,
    emailConsent: true,
  });

  const alex = await measure("create patient", () => call<Patient>("POST", "/patients", newPatient(1)));
  const consultation = await measure("book consultation", () =>
    call<Appointment>("POST", "/appointments", {
      patientId: alex.id,
      service: "consultation",
      start: clinicStart(now, 3, 10),
    }),
  );

  const ivPatient = await call<Patient>("POST", "/patients", newPatient(2));
  await eligible(ivPatient, "iv-ketamine");
  await measure("book series (iv-ketamine, 6)", () =>
    call("POST", "/series", {
      patientId: ivPatient.id,
      protocolId: "iv-ketamine",
      start: clinicStart(now, 2, 9),
    }),
  );
  const esPatient = await call<Patient>("POST", "/patients", newPatient(3));
  await eligible(esPatient, "esketamine", true);
  const series = await measure("book series (esketamine, 12)", () =>
    call<{ sessions: Appointment[] }>("POST", "/series", {
      patientId: esPatient.id,
      protocolId: "esketamine",
      start: clinicStart(now, 2, 11),
    }),
  );

  await measure("reschedule consultation", () =>
    call("POST", `/appointments/${consultation.id}/reschedule`, { start: clinicStart(now, 4, 10) }),
  );
  const last = series.sessions.at(-1)!;
  await measure("reschedule series session", () =>
    call("POST", `/appointments/${last.id}/reschedule`, {
      start: new Date(new Date(last.start).getTime() + 3_600_000).toISOString(),
    }),
  );
  await measure("cancel consultation", () => call("POST", `/appointments/${consultation.id}/cancel`, {}));

  // The series' confirmation is due at booking time; send it before the clock moves.
  const first = series.sessions[0]!;
  const confirmation = first.reminders.find((r) => r.kind === "confirmation")!;
  await measure("send reminder (series confirmation)", () =>
    sendReminder({ reminderId: confirmation.id, appointmentId: first.id, dueAt: confirmation.dueAt }),
  );
  const booked = await call<Appointment>("POST", "/appointments", {
    patientId: alex.id,
    service: "consultation",
    start: clinicStart(now, 5, 14),
  });
  const dayBefore = booked.reminders.find((r) => r.kind === "reminder")!;
  now = new Date(new Date(dayBefore.dueAt).getTime() + 60_000);
  const sent = await measure("send reminder (day-before)", () =>
    sendReminder({ reminderId: dayBefore.id, appointmentId: booked.id, dueAt: dayBefore.dueAt }),
  );
  if (sent.result !== "sent")
    throw new Error(`the day-before reminder was not sent: ${JSON.stringify(sent)}`);

  // schedule-sync with the stream records DynamoDB would deliver for one reminder's life.
  const job: ReminderJob = {
    reminderId: dayBefore.id,
    appointmentId: booked.id,
    dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
  };
  const moved = { ...job, dueAt: new Date(now.getTime() + 2 * 86_400_000).toISOString() };
  await measure("sync schedule: new reminder", () => scheduleSync(streamEvent("INSERT", job, "scheduled")));
  await measure("sync schedule: moved reminder", () =>
    scheduleSync(streamEvent("MODIFY", moved, "scheduled", { job, status: "scheduled" })),
  );
  await measure("sync schedule: cancelled reminder", () =>
    scheduleSync(streamEvent("MODIFY", moved, "cancelled", { job: moved, status: "scheduled" })),
  );

  dynamo.destroy();
  schedulerClient.destroy();
  const scans = operations.reduce((n, o) => n + (o.requests["DynamoDB.Scan"] ?? 0), 0);
  return { operations, scans };
}

/** One stream record of a reminder item, shaped as Lambda delivers it (NEW_AND_OLD_IMAGES). */
function streamEvent(
  eventName: "INSERT" | "MODIFY",
  job: ReminderJob,
  status: string,
  old?: { job: ReminderJob; status: string },
): DynamoDBStreamEvent {
  const image = (j: ReminderJob, s: string) =>
    marshall({
      pk: `APPT#${j.appointmentId}`,
      sk: `REM#${j.reminderId}`,
      id: j.reminderId,
      appointmentId: j.appointmentId,
      dueAt: j.dueAt,
      status: s,
    }) as NonNullable<NonNullable<DynamoDBStreamEvent["Records"][number]["dynamodb"]>["NewImage"]>;
  return {
    Records: [
      {
        eventName,
        dynamodb: {
          SequenceNumber: "1",
          NewImage: image(job, status),
          ...(old ? { OldImage: image(old.job, old.status) } : {}),
        },
      },
    ],
  };
}
