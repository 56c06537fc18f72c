import { signLocalToken } from "../shared/http/local-token.js";
import type { BenchStack } from "./bench-stack.js";
import { clinicDateAfter, clinicStart, forEachLimit, patientRecord } from "./fixtures.js";
import { measureHarnessFloor } from "./harness-floor.js";
import { cpuBetween, type JvmCpu, sampleJvm } from "./jvm-threads.js";
import { type HttpCall, type LoadResult, runLoad } from "./load-generator.js";
import { mb, ownCpuMs, RssSampler, stackChildren } from "./memory.js";
import { round } from "./stats.js";

export const CONCURRENCY_LEVELS = [1, 10, 50] as const;
type Level = (typeof CONCURRENCY_LEVELS)[number];

/** Requests per concurrency level: enough for a stable p95/p99, few enough for the 5-minute run. */
const REQUESTS: Record<OperationName, Record<Level, number>> = {
  "create patient": { 1: 100, 10: 300, 50: 500 },
  "book consultation": { 1: 100, 10: 300, 50: 500 },
  "book series (esketamine, 12)": { 1: 60, 10: 100, 50: 150 },
  "availability (31 days)": { 1: 50, 10: 150, 50: 250 },
};
/**
 * Requests per operation just before its measured runs, one client: connection pool, V8's JIT, first
 * reads of each code path. Consultations book for the patients the create-patient runs made, so their
 * warm-up must not exceed create patient's.
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

/**
 * Before any measured run, rounds of every operation at 10 clients until DynamoDB Local's JIT has
 * settled. Its C2 compiler keeps compiling for thousands of requests: after 300 warm-up consultations its
 * compiler threads still spent 3-8 ms of CPU per consultation, more than storing it (2.3-2.9 ms on the
 * SQLite thread), on the same two cores the API runs on. That is the emulator warming up, which real
 * DynamoDB never charges a booking for. A round ends the settling once compiling is below
 * `jitShare` of the JVM's CPU; `maxRounds` bounds the run (C2 never quite stops: it recompiles what it
 * deoptimised, and the sweeper drops code that then gets compiled again).
 */
const SETTLE = {
  perRound: {
    "create patient": 100,
    "book consultation": 100,
    "book series (esketamine, 12)": 10,
    "availability (31 days)": 10,
  } satisfies Record<OperationName, number>,
  concurrency: 10,
  minRounds: 3,
  maxRounds: 12,
  jitShare: 0.15,
};

export interface SettleResult {
  rounds: number;
  requests: number;
  /** Non-2xx answers while settling: 0 unless the fixtures are off. */
  failed: number;
  seconds: number;
  /** Share of DynamoDB Local's CPU its JIT compiler took in the first and the last round. */
  jitShareFirst: number;
  jitShareLast: number;
}

export interface LevelResult extends LoadResult {
  /** Transactions DynamoDB cancelled (a lost race on a capacity day), each retried by the use case. */
  writeConflicts: number;
  /** Per request: DynamoDB requests, wall ms waiting for them, and CPU ms of each process. */
  perRequest: {
    dynamoRequests: number;
    dynamoWaitMs: number;
    apiCpuMs: number;
    dynamoDbLocalCpuMs: number;
    /** DynamoDB Local's CPU per request by thread kind (zeros where /proc is not there). */
    dynamoDbLocal: JvmCpu;
  };
}

export interface OperationLatency {
  name: OperationName;
  levels: LevelResult[];
}

export interface LatencyResult {
  settle: SettleResult;
  /** CPU ms per request the bench process spends without any API code (harness-floor.ts), 1 client. */
  harnessCpuMs: number;
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
 * contending for a day's capacity item; a retry is then the exception, as in a real clinic. Within a
 * lane, series start half an hour apart from 07:00 to 18:30 (a 150-minute session ends by 21:00), each
 * on its own chair: 33 × 24 series.
 */
const LANE_OFFSETS = [0, 1, 4];
const LANES = 33;
function seriesStart(from: Date, j: number): string {
  const lane = j % LANES;
  const slot = Math.floor(j / LANES);
  const day = 1 + 57 * Math.floor(lane / LANE_OFFSETS.length) + LANE_OFFSETS[lane % LANE_OFFSETS.length]!;
  return clinicStart(from, day, 7 + Math.floor(slot / 2), (slot % 2) * 30);
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
  const seriesCount =
    SETTLE.maxRounds * SETTLE.perRound["book series (esketamine, 12)"] +
    WARMUP["book series (esketamine, 12)"] +
    sum(REQUESTS["book series (esketamine, 12)"]);
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

  const onOkOf = (name: OperationName) => (name === "create patient" ? collectPatient : undefined);
  const jvmPid = stackChildren().find((c) => c.command.startsWith("DynamoDB"))?.pid;
  const jvmCpu = () => sampleJvm(jvmPid);

  // Settle DynamoDB Local's JIT (see SETTLE); create patient runs before book consultation in each round,
  // so consultations never outrun the patients they book for.
  const settleStarted = performance.now();
  const shares: number[] = [];
  let settleRequests = 0;
  // Settling books like the measured runs; a failure there would mean the fixtures, not the JIT, are off.
  let settleFailures = 0;
  while (
    shares.length < SETTLE.minRounds ||
    (shares.length < SETTLE.maxRounds && shares[shares.length - 1]! > SETTLE.jitShare)
  ) {
    const before = jvmCpu();
    for (const name of Object.keys(SETTLE.perRound) as OperationName[]) {
      const onOk = onOkOf(name);
      const result = await runLoad({
        baseUrl: bench.apiUrl,
        token,
        calls: Array.from({ length: SETTLE.perRound[name] }, makers[name]),
        concurrency: SETTLE.concurrency,
        ...(onOk ? { onOk } : {}),
      });
      settleRequests += result.requests;
      settleFailures += result.requests - result.ok;
    }
    const { jitMs, totalMs } = cpuBetween(before, jvmCpu());
    // Without /proc there is no split: one round of each, then on.
    if (totalMs <= 0) break;
    shares.push(jitMs / totalMs);
  }
  const settle: SettleResult = {
    rounds: Math.max(shares.length, 1),
    requests: settleRequests,
    failed: settleFailures,
    seconds: round((performance.now() - settleStarted) / 1000),
    jitShareFirst: round(shares[0] ?? Number.NaN, 2),
    jitShareLast: round(shares[shares.length - 1] ?? Number.NaN, 2),
  };

  // A consultation's request, sent to a server that answers at once: what "API cpu" holds besides the API.
  const consultationShaped: HttpCall = {
    method: "POST",
    path: "/appointments",
    body: { patientId: seriesPatients[0], service: "consultation", start: consultationStart(now, 0) },
  };
  const harnessCpuMs = await measureHarnessFloor(
    Array.from({ length: 300 }, () => consultationShaped),
    token,
  );

  const operations: OperationLatency[] = [];
  // Bookings first, availability last: it then reads a calendar the runs before have filled.
  for (const name of Object.keys(REQUESTS) as OperationName[]) {
    const onOk = onOkOf(name);
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
      // The requests are made before the CPU is read: building them (luxon computing each start time)
      // is the benchmark's work, not the API's, and cost 0.2-0.3 ms per booking.
      const calls = Array.from({ length: REQUESTS[name][concurrency] }, makers[name]);
      bench.dynamo.reset();
      const cpuBefore = ownCpuMs();
      const jvmBefore = jvmCpu();
      const result = await runLoad({
        baseUrl: bench.apiUrl,
        token,
        calls,
        concurrency,
        ...(onOk ? { onOk } : {}),
      });
      const failures = bench.dynamo.failures();
      const writeConflicts = failures["DynamoDB.TransactWriteItems → TransactionCanceledException"] ?? 0;
      const n = result.requests;
      const jvm = cpuBetween(jvmBefore, jvmCpu(), n);
      levels.push({
        ...result,
        writeConflicts,
        perRequest: {
          dynamoRequests: round(bench.dynamo.total() / n, 2),
          dynamoWaitMs: round(bench.dynamo.waitedMs() / n),
          // The load generator shares the process: its share is small (one fetch per request).
          apiCpuMs: round((ownCpuMs() - cpuBefore) / n),
          dynamoDbLocalCpuMs: jvm.totalMs,
          dynamoDbLocal: jvm,
        },
      });
    }
    operations.push({ name, levels });
  }

  const peak = sampler.stop();
  return {
    settle,
    harnessCpuMs,
    operations,
    memory: {
      note: "The local API server runs inside the bench process (startLocalStack serves Hono in-process), so its RSS is the bench process's: sampled every 25 ms during the latency runs; the load generator shares the process.",
      apiProcessPeakMb: mb(peak),
      processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      children: stackChildren().map(({ command, peakMb, cpuMs }) => ({ command, peakMb, cpuMs })),
    },
  };
}

const sum = (record: Record<Level, number>) => Object.values(record).reduce((a, b) => a + b, 0);
