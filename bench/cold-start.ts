import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { clinicDefaults, loadConfig } from "../infra/config.js";
import { LAMBDA_ESBUILD_OPTIONS } from "../infra/constructs/lambda-bundle.js";
import { coldStartNode } from "./lambda-node.js";
import { median, round } from "./stats.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** Every Lambda function infra/stateless-stack.ts deploys, by its entry file in functions/. */
export const FUNCTION_NAMES = [
  "admin-api",
  "patient-pages",
  "schedule-sync",
  "send-reminder",
  "email-events",
  "reconciler",
  "rems-watch",
] as const;
const EMPTY = "empty-handler";
/**
 * Not a budget, a reference point: an empty handler that builds one DynamoDB client, bundled the same way.
 * Every function needs at least this, so the distance to it is what the project's own code costs.
 */
const SDK_FLOOR = "sdk-floor";
const SDK_FLOOR_SOURCE = `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
export const handler = async () => client.config.serviceId;
`;

/**
 * What each entry's readEnv needs, with dummy values, plus fake credentials so nothing looks for a
 * profile. The child gets only this environment: tsx's loader flags in NODE_OPTIONS must not leak in.
 */
const LAMBDA_ENV: Record<string, string> = {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIABENCHMARK000000",
  AWS_SECRET_ACCESS_KEY: "bench-secret",
  AWS_LAMBDA_FUNCTION_NAME: "bench",
  TABLE_NAME: "clinic-scheduler-bench",
  SCHEDULE_GROUP_NAME: "clinic-reminders",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/scheduler-invokes-send-reminder",
  SEND_REMINDER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:000000000000:function:send-reminder",
  SCHEDULE_DLQ_ARN: "arn:aws:sqs:us-east-1:000000000000:schedule-dlq",
  SENDER_EMAIL: "reminders@clinic.example",
  // patient-pages and send-reminder are deployed with it: their link keys are then built at cold start too.
  PATIENT_LINK_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:000000000000:secret:patient-link-keys",
  POWERTOOLS_SERVICE_NAME: "bench",
  POWERTOOLS_METRICS_NAMESPACE: "ClinicScheduler",
  POWERTOOLS_LOG_LEVEL: "INFO",
  // As synthesized from cdk.json's sample clinic: admin-api, patient-pages and send-reminder validate it at cold start.
  CLINIC_DEFAULTS: JSON.stringify(clinicDefaults(sampleConfig())),
};

function sampleConfig() {
  const cdk = JSON.parse(readFileSync(join(repoRoot, "cdk.json"), "utf8")) as {
    context: Record<string, unknown>;
  };
  return loadConfig((key) => cdk.context[key]);
}

/**
 * Imports the bundle in a fresh process and reports two clocks: the import alone, and the time since the
 * process started (Node's bootstrap included), which is what a Lambda cold start pays before the handler.
 */
const RUNNER = `const t0 = performance.now();
await import(process.argv[2]);
process.stdout.write(JSON.stringify({ importMs: performance.now() - t0, readyMs: performance.now() }));
process.exit(0);
`;

export interface BundleResult {
  name: string;
  bytes: number;
  kb: number;
  /** Largest contributors by package, in KB of minified output. */
  topPackages: { name: string; kb: number }[];
  /** Median ms from process start to module initialised (Node bootstrap + import + client construction). */
  readyMs: number;
  /** Median ms of the import alone. */
  importMs: number;
  /** readyMs divided by the empty handler's readyMs. */
  ratio: number;
  /** readyMs divided by the SDK floor's (an empty handler that builds one DynamoDB client). */
  ratioToSdkFloor: number;
  /** The same with source maps, as deployed (sourceMap: true, NODE_OPTIONS=--enable-source-maps). */
  withSourceMaps: { readyMs: number; ratio: number };
}

export interface ColdStartResult {
  runs: number;
  node: string;
  /** Set when the processes ran on this machine's Node rather than Lambda's, and why. */
  fallback?: string;
  empty: { kb: number; readyMs: number; importMs: number; withSourceMapsReadyMs: number };
  /** An empty handler that builds one DynamoDB client: what any function with the SDK bundled pays. */
  sdkFloor: { kb: number; readyMs: number; ratio: number };
  functions: BundleResult[];
}

export async function measureColdStart(
  options: { runs?: number; log?: (line: string) => void } = {},
): Promise<ColdStartResult> {
  const runs = options.runs ?? 15;
  // Lambda's Node (lambda-node.ts), or this one when it cannot be had, which the report then says.
  const node = await coldStartNode(options.log);
  const dir = await mkdtemp(join(tmpdir(), "clinic-bench-cold-"));
  try {
    await writeFile(join(dir, "runner.mjs"), RUNNER);
    await writeFile(join(dir, `${EMPTY}.ts`), "export const handler = async () => ({});\n");
    const entries: { name: string; entry: string | { source: string } }[] = [
      { name: EMPTY, entry: join(dir, `${EMPTY}.ts`) },
      { name: SDK_FLOOR, entry: { source: SDK_FLOOR_SOURCE } },
      ...FUNCTION_NAMES.map((name) => ({ name, entry: join(repoRoot, "functions", `${name}.ts`) })),
    ];
    const plain = new Map<string, Built>();
    const mapped = new Map<string, Built>();
    for (const { name, entry } of entries) {
      plain.set(name, await bundle(entry, join(dir, "plain", `${name}.mjs`), false));
      mapped.set(name, await bundle(entry, join(dir, "mapped", `${name}.mjs`), true));
    }

    // Interleaved rounds, so drift in machine load (other processes, CPU frequency) hits every bundle alike.
    const samples = new Map<string, { ready: number[]; import: number[] }>();
    const sample = (key: string) => {
      let s = samples.get(key);
      if (!s) {
        s = { ready: [], import: [] };
        samples.set(key, s);
      }
      return s;
    };
    const names = entries.map((e) => e.name);
    // One unmeasured round warms the file cache and Node's own startup snapshot pages.
    for (let round = 0; round <= runs; round++) {
      for (const name of names) {
        const p = await startOnce(node.path, dir, plain.get(name)!.file, false);
        const m = await startOnce(node.path, dir, mapped.get(name)!.file, true);
        if (round === 0) continue;
        sample(`plain:${name}`).ready.push(p.readyMs);
        sample(`plain:${name}`).import.push(p.importMs);
        sample(`mapped:${name}`).ready.push(m.readyMs);
      }
    }

    const emptyReady = median(sample(`plain:${EMPTY}`).ready);
    const floorReady = median(sample(`plain:${SDK_FLOOR}`).ready);
    const emptyMappedReady = median(sample(`mapped:${EMPTY}`).ready);
    return {
      runs,
      node: await nodeVersion(node.path),
      ...(node.fallback ? { fallback: node.fallback } : {}),
      empty: {
        kb: round(plain.get(EMPTY)!.bytes / 1024),
        readyMs: round(emptyReady),
        importMs: round(median(sample(`plain:${EMPTY}`).import), 2),
        withSourceMapsReadyMs: round(emptyMappedReady),
      },
      sdkFloor: {
        kb: round(plain.get(SDK_FLOOR)!.bytes / 1024),
        readyMs: round(floorReady),
        ratio: round(floorReady / emptyReady, 2),
      },
      functions: FUNCTION_NAMES.map((name) => {
        const built = plain.get(name)!;
        const readyMs = median(sample(`plain:${name}`).ready);
        const mappedReady = median(sample(`mapped:${name}`).ready);
        return {
          name,
          bytes: built.bytes,
          kb: round(built.bytes / 1024),
          topPackages: built.topPackages,
          readyMs: round(readyMs),
          importMs: round(median(sample(`plain:${name}`).import)),
          ratio: round(readyMs / emptyReady, 2),
          ratioToSdkFloor: round(readyMs / floorReady, 2),
          withSourceMaps: { readyMs: round(mappedReady), ratio: round(mappedReady / emptyMappedReady, 2) },
        };
      }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Built {
  file: string;
  bytes: number;
  topPackages: { name: string; kb: number }[];
}

/**
 * The bundle as infra/constructs/app-function.ts deploys it (NodejsFunction with bundleAwsSDK: true).
 * admin-api's asset also holds openapi.json (infra/openapi-document-file.ts); it is read on the first
 * GET /openapi.json, not at init, so leaving it out changes no cold start.
 */
async function bundle(
  entry: string | { source: string },
  outfile: string,
  sourcemap: boolean,
): Promise<Built> {
  const result = await build({
    ...(typeof entry === "string"
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.source, resolveDir: repoRoot, loader: "ts" as const } }),
    ...LAMBDA_ESBUILD_OPTIONS,
    outfile,
    sourcemap,
    sourcesContent: false,
    metafile: true,
    logLevel: "error",
    absWorkingDir: repoRoot,
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(".mjs"))!;
  return { file: outfile, bytes: output[1].bytes, topPackages: topPackages(output[1]) };
}

function topPackages(output: Metafile["outputs"][string]): { name: string; kb: number }[] {
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match?.[1] ?? "(project code)";
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, kb: round(bytes / 1024) }));
}

function nodeVersion(node: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(node, ["--version"], (error, stdout) => (error ? reject(error) : resolve(stdout.trim()))),
  );
}

function startOnce(
  node: string,
  dir: string,
  file: string,
  sourceMaps: boolean,
): Promise<{ readyMs: number; importMs: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      node,
      [join(dir, "runner.mjs"), file],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? "",
          ...LAMBDA_ENV,
          ...(sourceMaps ? { NODE_OPTIONS: "--enable-source-maps" } : {}),
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${file} failed to start: ${stderr || error.message}`));
          return;
        }
        resolve(JSON.parse(stdout) as { readyMs: number; importMs: number });
      },
    );
  });
}
