import { type AttributeValue, DynamoDBClient, type TransactWriteItemsInput } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { createTable, type TableFeatures } from "../local/create-table.js";
import { documentClient } from "../local/document-client.js";
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from "../local/dynamodb-local.js";
import { freePort } from "../local/free-port.js";
import { createTableClient } from "../shared/adapters/dynamodb/client.js";
import { TABLE_KEYS } from "../shared/adapters/dynamodb/table-keys.js";
import { TableRequests, type TransactAction } from "../shared/adapters/dynamodb/table-requests.js";
import { signLocalToken } from "../shared/http/local-token.js";
import type { BenchStack } from "./bench-stack.js";
import { clinicStart, forEachLimit, patientRecord } from "./fixtures.js";
import { cpuBetween, type JvmCpu, sampleJvm } from "./jvm-threads.js";
import { runLoad } from "./load-generator.js";
import { ownCpuMs, stackChildren } from "./memory.js";
import { percentile, round } from "./stats.js";

/**
 * How much of a booking's latency under load is DynamoDB Local storing its items, and how much of that
 * is the stream and the indexes: the one TransactWriteItems of a real booking, captured from the API,
 * replayed alone (no API, no reads) at 10 clients against a fresh DynamoDB Local, once on a table as
 * deployed (3 GSIs, a NEW_AND_OLD_IMAGES stream) and once on a bare one (keys only). If even the bare
 * table's write is over a latency budget, no API code can meet that budget on this emulator and machine:
 * only writing fewer items could, or a DynamoDB whose work does not share the API's cores.
 */

type Actions = TransactAction[];

export interface ReplayRun {
  table: "as deployed" | "bare";
  p50Ms: number;
  p95Ms: number;
  writesPerSecond: number;
  /** CPU per write of this process: the SDK building, signing and parsing the request. */
  clientCpuMs: number;
  /** DynamoDB Local's CPU per write, by thread kind. */
  dynamoDbLocal: JvmCpu;
}

export interface ReplayResult {
  operation: "book consultation" | "book series (esketamine, 12)";
  /** Items the captured transaction writes. */
  items: number;
  /** Measured writes per table, after `warmupWrites` on the same fresh JVM. */
  writes: number;
  warmupWrites: number;
  runs: ReplayRun[];
}

export interface EmulatorFloorResult {
  concurrency: number;
  replays: ReplayResult[];
}

const CONCURRENCY = 10;
/** Enough for a stable p95; warm-up enough for the JIT of a fresh JVM (see latency.ts's SETTLE). */
const WRITES = { "book consultation": 400, "book series (esketamine, 12)": 150 };
const WARMUP = { "book consultation": 1500, "book series (esketamine, 12)": 300 };

export async function measureEmulatorFloor(bench: BenchStack): Promise<EmulatorFloorResult> {
  const templates = await captureBookingWrites(bench);
  const replays: ReplayResult[] = templates.map(({ operation, actions }) => ({
    operation,
    items: actions.length,
    writes: WRITES[operation],
    warmupWrites: WARMUP[operation],
    runs: [],
  }));
  // One fresh JVM per table: a stream-enabled table slows DynamoDB Local's writes to other tables too.
  for (const [table, features] of [
    ["as deployed", { indexes: true, stream: true }],
    ["bare", { indexes: false, stream: false }],
  ] as const) {
    const runs = await replayOnFreshJvm(features, templates);
    for (const [i, run] of runs.entries()) replays[i]!.runs.push({ table, ...run });
  }
  return { concurrency: CONCURRENCY, replays };
}

/**
 * Books one consultation and one 12-session series through the API on days no earlier run used, so
 * every capacity day is new: the transaction is then conditional Puts, which replay with fresh keys, and
 * version-checked Updates of the patient and a check of the clinic settings, which replay on copies
 * seeded for each write.
 */
async function captureBookingWrites(
  bench: BenchStack,
): Promise<{ operation: ReplayResult["operation"]; actions: Actions }[]> {
  const { stack } = bench;
  const now = stack.clock.now();
  // The store's client is counted from its first request (bench-stack.ts); the counter keeps the inputs.
  const TRANSACT = "DynamoDB.TransactWriteItems";
  let captured: Actions[] = [];
  try {
    const token = await signLocalToken({ roles: ["staff"], secret: stack.jwtSecret });
    const patient = patientRecord(now.toISOString(), { eligible: ["esketamine"], rems: true });
    await stack.store.createPatient(patient);
    // Days 660-710: after every latency lane (the last ends by day 627 + 49), inside the 730-day horizon.
    const calls = [
      {
        method: "POST" as const,
        path: "/appointments",
        body: { patientId: patient.id, service: "consultation", start: clinicStart(now, 710, 9) },
      },
      {
        method: "POST" as const,
        path: "/series",
        body: { patientId: patient.id, protocolId: "esketamine", start: clinicStart(now, 660, 9) },
      },
    ];
    bench.dynamo.keepInputs(TRANSACT);
    for (const call of calls) {
      const result = await runLoad({ baseUrl: bench.apiUrl, token, calls: [call], concurrency: 1 });
      if (result.ok !== 1) throw new Error(`capturing ${call.path}: ${JSON.stringify(result.failed)}`);
    }
  } finally {
    captured = bench.dynamo
      .stopKeeping(TRANSACT)
      .map((input) => asDocuments(input as TransactWriteItemsInput));
  }
  const [consultation, series] = captured;
  if (captured.length !== 2 || !consultation || !series)
    throw new Error(`expected 2 transactions, captured ${captured.length}`);
  for (const actions of captured) {
    const other = actions.find((a) => !a.Put && !a.Update && !a.ConditionCheck);
    if (other) throw new Error(`only Puts, Updates and ConditionChecks replay: ${Object.keys(other).join()}`);
  }
  return [
    { operation: "book consultation", actions: consultation },
    { operation: "book series (esketamine, 12)", actions: series },
  ];
}

async function replayOnFreshJvm(
  features: TableFeatures,
  templates: { actions: Actions; operation: ReplayResult["operation"] }[],
): Promise<Omit<ReplayRun, "table">[]> {
  const running = new Set(jvmPids());
  const dynamo = await startDynamoDbLocal({ port: await freePort(), jit: "throughput" });
  const jvmPid = jvmPids().find((pid) => !running.has(pid));
  const config = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const client = new DynamoDBClient(config);
  // Fixtures through a document client; the measured writes as the store sends them.
  const doc = documentClient(client);
  const storeClient = createTableClient(config);
  const requests = new TableRequests(storeClient);
  const tableName = "floor";
  try {
    await createTable(client, tableName, features);
    // Each template's copies are numbered apart ("1-17"); what its Updates change is seeded up front.
    const next = templates.map(() => 0);
    const write = (t: number) => {
      const n = `${t}-${next[t]!++}`;
      return requests.transactWrite(withFreshKeys(templates[t]!.actions, tableName, n));
    };
    for (const [t, { actions, operation }] of templates.entries())
      await seedUpdated(doc, tableName, actions, t, WARMUP[operation] + WRITES[operation]);
    for (const [t, { operation }] of templates.entries())
      await closedLoop(WARMUP[operation], CONCURRENCY, () => write(t));
    const runs: Omit<ReplayRun, "table">[] = [];
    for (const [t, { operation }] of templates.entries()) {
      const before = sampleJvm(jvmPid);
      const cpuBefore = ownCpuMs();
      const started = performance.now();
      const latencies = await closedLoop(WRITES[operation], CONCURRENCY, () => write(t));
      const seconds = (performance.now() - started) / 1000;
      runs.push({
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        writesPerSecond: round(latencies.length / seconds),
        clientCpuMs: round((ownCpuMs() - cpuBefore) / latencies.length),
        dynamoDbLocal: cpuBetween(before, sampleJvm(jvmPid), latencies.length),
      });
    }
    return runs;
  } finally {
    client.destroy();
    storeClient.destroy();
    await dynamo.stop();
  }
}

/**
 * A captured transaction in the store's own shapes (plain values), for fresh keys and seeding; replayed,
 * it is marshalled again, as the store marshals it.
 */
function asDocuments(input: TransactWriteItemsInput): Actions {
  const plain = (part: object) =>
    Object.fromEntries(
      Object.entries(part).map(([name, value]) =>
        MARSHALLED_PARTS.has(name) && value !== undefined
          ? [name, unmarshall(value as Record<string, AttributeValue>)]
          : [name, value],
      ),
    );
  return (input.TransactItems ?? []).map((action) =>
    Object.fromEntries(Object.entries(action).map(([kind, part]) => [kind, plain(part as object)])),
  ) as Actions;
}

/** The parts of an action that carry attribute values. */
const MARSHALLED_PARTS = new Set(["Item", "Key", "ExpressionAttributeValues"]);

const fresh = (key: Record<string, unknown>, n: string) => ({
  ...key,
  [TABLE_KEYS.partitionKey]: `${String(key[TABLE_KEYS.partitionKey])}#${n}`,
});

/** The template's actions on the replay table, each item under a partition key of its own per copy. */
function withFreshKeys(actions: Actions, tableName: string, n: string): Actions {
  return actions.map(({ Put, Update, ConditionCheck }) => {
    if (Put) return { Put: { ...Put, TableName: tableName, Item: fresh(Put.Item!, n) } };
    if (Update) return { Update: { ...Update, TableName: tableName, Key: fresh(Update.Key!, n) } };
    return {
      ConditionCheck: { ...ConditionCheck!, TableName: tableName, Key: fresh(ConditionCheck!.Key!, n) },
    };
  });
}

/**
 * For copies 0..count-1 of template t, the items its Updates and ConditionChecks expect: keys and the
 * version they check (`#v = :prev` on the patient a booking updates, `#v = :v` on the clinic settings it
 * was decided on; a check that the settings were never saved passes on a fresh key). Written in batches
 * of 25, not measured.
 */
async function seedUpdated(
  doc: DynamoDBDocumentClient,
  tableName: string,
  actions: Actions,
  t: number,
  count: number,
): Promise<void> {
  const stubs = actions.flatMap(({ Update, ConditionCheck }) => {
    if (Update) return [{ key: Update.Key!, version: Update.ExpressionAttributeValues?.[":prev"] }];
    const checked = ConditionCheck?.ExpressionAttributeValues?.[":v"];
    return ConditionCheck && checked !== undefined ? [{ key: ConditionCheck.Key!, version: checked }] : [];
  });
  if (stubs.length === 0) return;
  const items = Array.from({ length: count }, (_, n) =>
    stubs.map(({ key, version }) => ({ ...fresh(key, `${t}-${n}`), version })),
  ).flat();
  for (let i = 0; i < items.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/** `total` calls of `fn`, `concurrency` at a time, each started as one finishes; latencies in ms. */
async function closedLoop(total: number, concurrency: number, fn: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  await forEachLimit(Array.from({ length: total }), concurrency, async () => {
    const t = performance.now();
    await fn();
    latencies.push(performance.now() - t);
  });
  return latencies;
}

/** DynamoDB Local JVMs this process started (Linux; none elsewhere, and the CPU split stays empty). */
const jvmPids = () =>
  stackChildren()
    .filter((c) => c.command.startsWith("DynamoDB"))
    .map((c) => c.pid);
