import { signLocalToken } from "../shared/http/local-token.js";
import type { BenchStack } from "./bench-stack.js";
import { clinicDateAfter, clinicStart, forEachLimit, patientRecord } from "./fixtures.js";
import { type HttpCall, type LoadResult, runLoad } from "./load-generator.js";
import { mb, ownCpuMs, RssSampler, stackChildren } from "./memory.js";
import { round } from "./stats.js";

export const CONCURRENCY_LEVELS = [1, 10, 50] as const;
type Level = (typeof CONCURRENCY_LEVELS)[number];

/** Requests per concurrency level: enough for a stable p95/p99, few enough for the 5-minute run. */
const REQUESTS: Record<OperationName, Record<Level, number>> = {
  "create patient": { 1: 100, 10: 300, 50: 500 },
  "book consultation": { 1: 100, 10: 300, 50: 500 },
  "book series (esketamine, 12)": { 1: 30, 10: 100, 50: 150 },
  "availability (31 days)": { 1: 50, 10: 150, 50: 250 },
};
/**
 * Requests per operation before the measured runs: JIT, connection pool, first reads of each code path.
 * DynamoDB Local runs with the C2 JIT here (bench-stack.ts), which compiles for a few hundred requests of a
 * kind before its CPU per request settles (its compiler threads count as DynamoDB Local's CPU): with 10
 * warm-up series the 1-client run measured 60-75 ms of JVM CPU per series, with 100 about 40-48; with 300
 * warm-up consultations the 10-client run no longer pays for C2 compiling consultation code. Consultations
 * book for the patients the create-patient runs made, so their warm-up must not exceed create patient's.
 */
const WARMUP: Record<OperationName, number> = {
  "create patient": 300,
  "book consultation": 300,
  "book series (esketamine, 12)": 100,
  "availability (31 days)": 20,
};

export type OperationName =
  | "create patient"
  | "book consultation"
  | "book series (esketamine, 12)"
  | "availability (31 days)";

export interface LevelResult extends LoadResult {
  /** Transactions DynamoDB cancelled (a lost race on a capacity day), each retried by the use case. */
  writeConflicts: number;
  /** Per request: DynamoDB requests, wall ms waiting for them, and CPU ms of each process. */
  perRequest: { dynamoRequests: number; dynamoWaitMs: number; apiCpuMs: number; dynamoDbLocalCpuMs: number };
}

export interface OperationLatency {
  name: OperationName;
  levels: LevelResult[];
}

export interface LatencyResult {
  operations: OperationLatency[];
  memory: {
    note: string;
    /** Peak RSS of the bench process during the latency runs (it hosts the API server). */
    apiProcessPeakMb: number;
    /** The kernel's high-water mark for the bench process over the whole run so far. */
    processMaxRssMb: number;
    children: { command: string; peakMb: number; cpuMs: number }[];
  };
}

/**
 * Esketamine sessions fall on days d, d+2, d+7, d+9, ... d+49 (twice weekly, then weekly): two series
 * whose first days differ by 1, 3 or 4 days (mod 7) never write the same capacity day, and 57 days apart
 * never overlap at all. 11 blocks × 3 offsets give 33 lanes that concurrent bookings can use without
 * contending for a day's capacity item; a retry is then the exception, as in a real clinic.
 */
const LANE_OFFSETS = [0, 1, 4];
const LANES = 33;
function seriesStart(from: Date, j: number): string {
  const lane = j % LANES;
  const day = 1 + 57 * Math.floor(lane / LANE_OFFSETS.length) + LANE_OFFSETS[lane % LANE_OFFSETS.length]!;
  return clinicStart(from, day, 7 + Math.floor(j / LANES));
}

/** Consultation k: its own office-day among 300 (concurrent requests never share a day's capacity item). */
function consultationStart(from: Date, k: number): string {
  return clinicStart(from, 1 + (k % 300), 7 + Math.floor(k / 300));
}

/**
 * API latency at 1, 10 and 50 concurrent clients against the local stack's HTTP server, every request a
 * real booking that succeeds: distinct patients, and days no two in-flight bookings share.
 */
export async function measureLatency(bench: BenchStack): Promise<LatencyResult> {
  const { stack } = bench;
  const token = await signLocalToken({ roles: ["staff"], secret: stack.jwtSecret });
  const now = stack.clock.now();
  const sampler = new RssSampler();
  sampler.start();

  // Series need eligible, REMS-enrolled patients: written through the store, as fixtures.
  const seriesCount = WARMUP["book series (esketamine, 12)"] + sum(REQUESTS["book series (esketamine, 12)"]);
  const seriesPatients: string[] = [];
  await forEachLimit(
    Array.from({ length: seriesCount }, (_, n) => n),
    8,
    async (n) => {
      const p = patientRecord(now.toISOString(), { eligible: ["esketamine"], rems: true, n });
      await stack.store.createPatient(p);
      seriesPatients[n] = p.id;
    },
  );

  const createdPatients: string[] = [];
  let patientN = 0;
  let consultationK = 0;
  let seriesJ = 0;
  const from = clinicDateAfter(now, 1);
  const to = clinicDateAfter(now, 31);
  const makers: Record<OperationName, () => HttpCall> = {
    "create patient": () => {
      const n = patientN++;
      return {
        method: "POST",
        path: "/patients",
        body: {
          firstName: "Load",
          lastName: `Test ${n}`,
          email: `load-${n}@example.com`,
          emailConsent: true,
        },
      };
    },
    "book consultation": () => {
      const k = consultationK++;
      return {
        method: "POST",
        path: "/appointments",
        body: { patientId: createdPatients[k], service: "consultation", start: consultationStart(now, k) },
      };
    },
    "book series (esketamine, 12)": () => {
      const j = seriesJ++;
      return {
        method: "POST",
        path: "/series",
        body: { patientId: seriesPatients[j], protocolId: "esketamine", start: seriesStart(now, j) },
      };
    },
    "availability (31 days)": () => ({
      method: "GET",
      path: `/availability?service=esketamine&from=${from}&to=${to}`,
    }),
  };
  const collectPatient = (body: unknown) => {
    const id = (body as { id?: string } | undefined)?.id;
    if (id) createdPatients.push(id);
  };

  const operations: OperationLatency[] = [];
  // Bookings first, availability last: it then reads a calendar the runs before have filled.
  for (const name of Object.keys(REQUESTS) as OperationName[]) {
    const onOk = name === "create patient" ? collectPatient : undefined;
    // Warm-up: JIT, connection pool, first reads of each code path; not measured.
    await runLoad({
      baseUrl: bench.apiUrl,
      token,
      calls: Array.from({ length: WARMUP[name] }, makers[name]),
      concurrency: 1,
      ...(onOk ? { onOk } : {}),
    });
    const levels: OperationLatency["levels"] = [];
    for (const concurrency of CONCURRENCY_LEVELS) {
      bench.dynamo.reset();
      const cpuBefore = ownCpuMs();
      const jvmBefore = jvmCpuMs();
      const result = await runLoad({
        baseUrl: bench.apiUrl,
        token,
        calls: Array.from({ length: REQUESTS[name][concurrency] }, makers[name]),
        concurrency,
        ...(onOk ? { onOk } : {}),
      });
      const failures = bench.dynamo.failures();
      const writeConflicts = failures["DynamoDB.TransactWriteItems → TransactionCanceledException"] ?? 0;
      const n = result.requests;
      levels.push({
        ...result,
        writeConflicts,
        perRequest: {
          dynamoRequests: round(bench.dynamo.total() / n, 2),
          dynamoWaitMs: round(bench.dynamo.waitedMs() / n),
          // The load generator shares the process: its share is small (one fetch per request).
          apiCpuMs: round((ownCpuMs() - cpuBefore) / n),
          dynamoDbLocalCpuMs: round((jvmCpuMs() - jvmBefore) / n),
        },
      });
    }
    operations.push({ name, levels });
  }

  const peak = sampler.stop();
  return {
    operations,
    memory: {
      note: "The local API server runs inside the bench process (startLocalStack serves Hono in-process), so its RSS is the bench process's: sampled every 25 ms during the latency runs; the load generator shares the process.",
      apiProcessPeakMb: mb(peak),
      processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      children: stackChildren().map(({ command, peakMb, cpuMs }) => ({ command, peakMb, cpuMs })),
    },
  };
}

const jvmCpuMs = () => stackChildren().find((c) => c.command.startsWith("DynamoDB"))?.cpuMs ?? Number.NaN;

const sum = (record: Record<Level, number>) => Object.values(record).reduce((a, b) => a + b, 0);
