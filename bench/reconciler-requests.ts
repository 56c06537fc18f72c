import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ensureTable } from "../local/create-table.js";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/dynamodb-local.js";
import { createTableClient } from "../shared/adapters/dynamodb/client.js";
import { DynamoDbStore } from "../shared/adapters/dynamodb/dynamodb-store.js";
import { appointmentToItem, reminderToItem } from "../shared/adapters/dynamodb/item-codec.js";
import type { Appointment, Reminder } from "../shared/domain/types.js";
import { randomIds } from "../shared/ports/id-source.js";
import type { ReminderScheduler } from "../shared/ports/reminder-scheduler.js";
import { type ReconcileReport, reconcileReminders } from "../shared/use-cases/reconcile-reminders.js";
import { AwsCounter } from "./aws-counter.js";
import { BENCH_CLINIC, BENCH_EPOCH, forEachLimit } from "./fixtures.js";
import { round, since } from "./stats.js";

/** One reconciler run on a table of its own. */
export interface ReconcilerRun {
  settled: number;
  unsettled: number;
  report: ReconcileReport;
  requests: Record<string, number>;
  total: number;
  /** Seconds to write the table (fixtures, not measured). */
  seedSeconds: number;
}

export interface ReconcilerRequestCount {
  /** The same 100 unsettled reminders, on a table with no settled ones and on one with 10,000. */
  runs: ReconcilerRun[];
}

const DAY_MS = 86_400_000;
/** Of the 100 unsettled: past due and lost on the way (re-driven), and pending without a confirmed schedule. */
const OVERDUE = 80;
const UNSYNCED = 20;
const SETTLED = 10_000;
/** Settled reminders per past appointment: confirmation, preparation, day-before, a notice. */
const PER_APPOINTMENT = 4;

/**
 * Counts the AWS requests of one reconciler run (the use case the reconciler function calls) on a table
 * of 100 unsettled reminders, once with no settled reminders and once with 10,000: it reads only the
 * sparse index of unsettled reminders, so the second run must send no more requests than the first.
 * Everything is written through the store, as bookings and senders leave it. The scheduler is a stand-in
 * that counts what the real adapter would send (one request per call; Lambda's async Invoke for sendNow).
 */
export async function measureReconcilerRequests(services: {
  dynamodbEndpoint: string;
}): Promise<ReconcilerRequestCount> {
  const dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: services.dynamodbEndpoint,
  });
  try {
    const runs: ReconcilerRun[] = [];
    for (const settled of [0, SETTLED])
      runs.push(await reconcileOnce(dynamo, services.dynamodbEndpoint, settled));
    return { runs };
  } finally {
    dynamo.destroy();
  }
}

async function reconcileOnce(
  dynamo: DynamoDBClient,
  endpoint: string,
  settled: number,
): Promise<ReconcilerRun> {
  const tableName = `bench-reconciler-${settled}-${Date.now()}`;
  await ensureTable(dynamo, tableName);
  const counter = new AwsCounter();
  const storeClient = counter.instrument(
    createTableClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint }),
    "DynamoDB",
  );
  const store = new DynamoDbStore(storeClient, tableName);
  const now = BENCH_EPOCH;
  const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

  const t = performance.now();
  // Settled: past appointments whose reminders all went out, as send-reminder leaves them. The items a
  // booking's transaction would write, put 25 at a time (fixtures: 10,000 one by one took 80 s here).
  const items: Record<string, unknown>[] = [];
  for (let n = 0; n < settled / PER_APPOINTMENT; n++) {
    const start = iso(-(1 + (n % 300)) * DAY_MS);
    const reminders: Reminder[] = (["confirmation", "preparation", "reminder", "cancellation"] as const).map(
      (kind) => ({
        id: randomUUID(),
        kind,
        dueAt: start,
        status: "sent",
        sentAt: start,
        messageId: randomUUID(),
        version: 3,
      }),
    );
    const a = appointment(start, "completed", reminders);
    items.push(appointmentToItem(a), ...reminders.map((r) => reminderToItem(a, r)));
  }
  const plain = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
    items.slice(i * 25, i * 25 + 25),
  );
  await forEachLimit(batches, 8, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await plain.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  });
  // Unsettled: overdue ones whose schedule schedule-sync had confirmed, and ones it never confirmed.
  const pending = (dueAt: string): Reminder => ({
    id: randomUUID(),
    kind: "reminder",
    dueAt,
    status: "scheduled",
    version: 1,
  });
  await forEachLimit(
    Array.from({ length: OVERDUE + UNSYNCED }, (_, n) => n),
    16,
    async (n) => {
      const overdue = n < OVERDUE;
      const reminder = pending(overdue ? iso(-3_600_000) : iso(DAY_MS));
      const a = appointment(iso(overdue ? DAY_MS : 2 * DAY_MS), "booked", [reminder], iso(-600_000));
      await store.commit({ createAppointments: [a] });
      if (overdue)
        await store.markReminderScheduled({
          appointmentId: a.id,
          reminderId: reminder.id,
          version: reminder.version,
          dueAt: reminder.dueAt,
        });
    },
  );
  const seedSeconds = since(t) / 1000;

  const scheduler: ReminderScheduler = {
    upsert: async (_job, hint) =>
      counter.record(hint?.exists ? "Scheduler.UpdateSchedule" : "Scheduler.CreateSchedule"),
    remove: async () => counter.record("Scheduler.DeleteSchedule"),
    sendNow: async () => counter.record("Lambda.Invoke"),
  };
  const deps = {
    store,
    clock: { now: () => new Date(now.getTime()) },
    ids: randomIds,
    clinicDefaults: BENCH_CLINIC,
    scheduler,
  };
  const { result: report, requests, total } = await counter.measure(() => reconcileReminders(deps));
  if (report.redriven !== OVERDUE || report.resynced !== UNSYNCED)
    throw new Error(
      `the reconciler did not work off the ${OVERDUE + UNSYNCED} unsettled: ${JSON.stringify(report)}`,
    );
  return { settled, unsettled: OVERDUE + UNSYNCED, report, requests, total, seedSeconds: round(seedSeconds) };
}

function appointment(
  start: string,
  status: Appointment["status"],
  reminders: Reminder[],
  updatedAt = start,
): Appointment {
  return {
    id: randomUUID(),
    patientId: randomUUID(),
    service: "consultation",
    resource: "office",
    start,
    end: new Date(new Date(start).getTime() + 3_600_000).toISOString(),
    status,
    confirmation: "unconfirmed",
    reminders,
    version: 1,
    createdAt: updatedAt,
    updatedAt,
  };
}
