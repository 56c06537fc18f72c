import { freePort } from "../local/free-port.js";
import { type LocalStack, startLocalStack } from "../local/local-stack.js";
import { AwsCounter } from "./aws-counter.js";
import { BENCH_CLINIC, BENCH_EPOCH } from "./fixtures.js";

export interface BenchStack {
  stack: LocalStack;
  /** Every DynamoDB request the stack's own store sends (API, schedule-sync, send-reminder). */
  dynamo: AwsCounter;
  /** The same requests, never reset: the whole run's Scan count comes from here. */
  allDynamo: AwsCounter;
  apiUrl: string;
}

/**
 * The whole local system on ports the OS hands out, in memory, with the benchmark clinic and a fixed
 * start time. The stream is drained only when asked (settle/advance), never in the background, so
 * the latency runs measure the API alone.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const ports = await distinctFreePorts(3);
  const stack = await startLocalStack({
    port: ports[0]!,
    sesPort: ports[1]!,
    dynamodbPort: ports[2]!,
    schedulerPort: 0,
    clinic: BENCH_CLINIC,
    initialTime: BENCH_EPOCH,
    jwtSecret: "bench-secret",
  });
  try {
    const dynamo = new AwsCounter();
    dynamo.instrument(stack.doc, "DynamoDB");
    const allDynamo = new AwsCounter();
    allDynamo.instrument(stack.doc, "DynamoDB");
    // Loopback by address: no name lookup per connection, and never an IPv6/IPv4 mismatch on "localhost".
    return { stack, dynamo, allDynamo, apiUrl: stack.apiUrl.replace("//localhost:", "//127.0.0.1:") };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** freePort() closes its probe before returning, so two calls can in principle get the same port. */
async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
