import { startDynamoDbLocal } from "../local/dynamodb-local.js";
import { freePort } from "../local/free-port.js";
import { type LocalStack, startLocalStack } from "../local/local-stack.js";
import { startSesEmulator } from "../local/ses-emulator.js";
import { AwsCounter } from "./aws-counter.js";
import { BENCH_CLINIC, BENCH_EPOCH } from "./fixtures.js";
import { stackChildren } from "./memory.js";

export interface BenchStack {
  stack: LocalStack;
  /** Every DynamoDB request the stack's own store sends (API, schedule-sync, send-reminder). */
  dynamo: AwsCounter;
  /** The same requests, never reset: the whole run's Scan count comes from here. */
  allDynamo: AwsCounter;
  apiUrl: string;
  /**
   * Runs `use` on a DynamoDB Local of its own, started for it and stopped when it settles (or by
   * `stack.stop()` if a signal comes first). For the phases that write tables of their own after the heavy
   * ones: by then the stack's JVM spends most of each write in its stream bookkeeping (DynamoDB Local's
   * `getStreamDescription`, on SQLite's one thread), grown by every stream record the earlier phases left,
   * so the agenda's 40 bookings took 84 s there against 12 s on a fresh one, and the reconciler's 10,000
   * settled reminders did not finish in 8 minutes.
   */
  onFreshDynamoDbLocal<T>(use: (endpoint: string) => Promise<T>): Promise<T>;
  /** The processes `onFreshDynamoDbLocal` started, for the suite's check that none is left running. */
  freshChildren: { pid: number; command: string }[];
}

/**
 * The whole local system on ports the OS hands out, in memory, with the benchmark clinic and a fixed
 * start time. The stream is drained only when asked (settle/advance), never in the background, so
 * the latency runs measure the API alone.
 *
 * DynamoDB Local and the SES emulator are started here and handed to `startLocalStack` as external
 * services, so DynamoDB Local's JVM can run with the throughput JIT (C2) rather than the fast-start one
 * tests use (see local/dynamodb-local.ts): a benchmark runs long enough for C2 to pay off, and measuring
 * C1-only code would charge the API for a local emulator's start-up trade-off. `stack.stop()` stops them.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const ports = await distinctFreePorts(3);
  const [dynamodb, ses] = await Promise.allSettled([
    startDynamoDbLocal({ port: ports[2]!, jit: "throughput" }),
    startSesEmulator({ port: ports[1]! }),
  ]);
  const stopServices = async () => {
    await Promise.allSettled([
      dynamodb.status === "fulfilled" ? dynamodb.value.stop() : undefined,
      ses.status === "fulfilled" ? ses.value.stop() : undefined,
    ]);
  };
  if (dynamodb.status === "rejected" || ses.status === "rejected") {
    await stopServices();
    throw dynamodb.status === "rejected" ? dynamodb.reason : (ses as PromiseRejectedResult).reason;
  }
  let localStack: LocalStack;
  // Counted from the store client's first request: it caches its middleware per command type.
  const dynamo = new AwsCounter();
  const allDynamo = new AwsCounter();
  try {
    localStack = await startLocalStack({
      port: ports[0]!,
      sesPort: ports[1]!,
      dynamodbPort: ports[2]!,
      schedulerPort: 0,
      clinic: BENCH_CLINIC,
      initialTime: BENCH_EPOCH,
      jwtSecret: "bench-secret",
      external: { dynamodbEndpoint: dynamodb.value.endpoint, sesEndpoint: ses.value.endpoint },
      onStoreClient: (client) => {
        dynamo.instrument(client, "DynamoDB");
        allDynamo.instrument(client, "DynamoDB");
      },
    });
  } catch (error) {
    await stopServices();
    throw error;
  }
  const fresh = new Set<() => Promise<void>>();
  const freshChildren: BenchStack["freshChildren"] = [];
  const onFreshDynamoDbLocal = async <T>(use: (endpoint: string) => Promise<T>): Promise<T> => {
    const before = new Set(stackChildren().map((c) => c.pid));
    const local = await startDynamoDbLocal({ port: await freePort(), jit: "throughput" });
    freshChildren.push(...stackChildren().filter((c) => !before.has(c.pid)));
    const stop = () => local.stop();
    fresh.add(stop);
    try {
      return await use(local.endpoint);
    } finally {
      fresh.delete(stop);
      await stop();
    }
  };
  const stack: LocalStack = {
    ...localStack,
    stop: async () => {
      await Promise.allSettled([...fresh].map((stop) => stop()));
      await localStack.stop();
      await stopServices();
    },
  };
  // Loopback by address: no name lookup per connection, and never an IPv6/IPv4 mismatch on "localhost".
  return {
    stack,
    dynamo,
    allDynamo,
    apiUrl: stack.apiUrl.replace("//localhost:", "//127.0.0.1:"),
    onFreshDynamoDbLocal,
    freshChildren,
  };
}

/** freePort() closes its probe before returning, so two calls can in principle get the same port. */
async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
