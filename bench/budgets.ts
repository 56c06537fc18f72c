import { FUNCTION_NAMES } from "./cold-start.js";
import type { LevelResult, OperationName } from "./latency.js";
import type { PhaseKey, Results } from "./results.js";
import type { BudgetCheck } from "./verdict.js";

/**
 * The performance budgets, one declarative entry each, in the order the budget table prints them.
 *
 * Each budget compares something our code decides: what a function adds to the SDK it must bundle, the
 * API's own CPU, AWS requests, the pure domain. Emulator costs (DynamoDB Local's single-threaded writes on
 * the API's cores) are still measured and shown, but no budget is set against them: no change to our code
 * could meet it, and AWS does not charge them to the function.
 *
 * To add one: an entry here naming the phase that measures it (phases.ts) and how to read its figure from
 * that phase's result. Its line then prints whenever that phase runs. See bench/README.md.
 */
export interface Budget {
  /** Stable id; a phase's own table can show the verdict next to its figure (`verdicts.get(id)`). */
  id: string;
  label: string;
  unit: string;
  /** The phase that measures it: a run without that phase (`BENCH_PHASES`) leaves the line out. */
  phase: PhaseKey;
  /** The figure, or undefined when the phase failed to produce it: the line then reads "not measured". */
  measured: (r: Results) => number | undefined;
  /** A fixed limit, or one measured in the same run (e.g. the same work on a smaller table). */
  limit: number | ((r: Results) => number | undefined);
}

/** Bookings whose CPU and latency at one client are budgeted, with their limits. */
const BOOKINGS: { operation: OperationName; label: string; cpuMs: number; p95Ms: number }[] = [
  { operation: "book consultation", label: "book consultation", cpuMs: 5, p95Ms: 25 },
  { operation: "book series (esketamine, 12)", label: "book 12-session series", cpuMs: 15, p95Ms: 100 },
];

export const BUDGETS: Budget[] = [
  ...FUNCTION_NAMES.flatMap((name): Budget[] => [
    {
      id: `bundle-${name}`,
      label: `${name} bundle (minified)`,
      unit: "KB",
      phase: "coldStart",
      measured: (r) => coldStart(r, name)?.kb,
      limit: 500,
    },
    {
      // Against the SDK floor, not an empty handler: every function must bundle the SDK and build a
      // client, which alone costs 2-2.3x an empty handler here. What is above the floor is ours.
      id: `init-${name}`,
      label: `${name} import-and-init vs SDK floor`,
      unit: "x",
      phase: "coldStart",
      measured: (r) => coldStart(r, name)?.ratioToSdkFloor,
      limit: 1.5,
    },
  ]),
  ...BOOKINGS.flatMap(({ operation, label, cpuMs, p95Ms }): Budget[] => [
    {
      // One client is how Lambda runs the API: one request per instance at a time.
      id: `cpu-${operation}-1`,
      label: `${label}: API CPU per request (1 client)`,
      unit: "ms",
      phase: "latency",
      measured: (r) => atOneClient(r, operation)?.perRequest.apiCpuMs,
      limit: cpuMs,
    },
    {
      id: `p95-${operation}-1`,
      label: `${label}: p95 at 1 client`,
      unit: "ms",
      phase: "latency",
      measured: (r) => atOneClient(r, operation)?.p95Ms,
      limit: p95Ms,
    },
  ]),
  // One write round trip per booking, whatever its size.
  requests("book consultation", "writes", 1),
  requests("book series (iv-ketamine, 6)", "writes", 1),
  requests("book series (esketamine, 12)", "writes", 1),
  requests("send reminder (day-before)", "total", 4),
  requests("send reminder (series confirmation)", "total", 4),
  {
    id: "agenda",
    label: "agenda of a full day across two UTC months: AWS requests",
    unit: "requests",
    phase: "agenda",
    measured: (r) => r.agenda?.total,
    limit: 2,
  },
  {
    // Its cost must follow what is unsettled, never what was sent: the limit is the same run without them.
    id: "reconciler",
    label: "reconciler run, 10,000 settled + 100 unsettled: AWS requests (limit: same without settled)",
    unit: "requests",
    phase: "reconciler",
    measured: (r) => r.reconciler?.runs.find((run) => run.settled > 0)?.total,
    limit: (r) => r.reconciler?.runs.find((run) => run.settled === 0)?.total,
  },
  {
    id: "scans",
    label: "Scans (whole run)",
    unit: "scans",
    phase: "requestCounts",
    // The request-count operations, every request the local stack sent during the other phases, and the
    // agenda's and reconciler's own tables when they ran.
    measured: (r) =>
      r.requestCounts && r.stackDynamoRequests
        ? r.requestCounts.scans +
          (r.stackDynamoRequests["DynamoDB.Scan"] ?? 0) +
          (r.agenda?.requests["DynamoDB.Scan"] ?? 0) +
          (r.reconciler?.runs.reduce((n, run) => n + (run.requests["DynamoDB.Scan"] ?? 0), 0) ?? 0)
        : undefined,
    limit: 0,
  },
  {
    id: "domain-freeStarts",
    label: "availability, 31 days, 5,000 appointments",
    unit: "ms",
    phase: "domain",
    measured: (r) => r.domain?.freeStarts.medianMs,
    limit: 20,
  },
  {
    id: "domain-planSeries",
    label: "plan a 12-session series, 5,000 appointments",
    unit: "ms",
    phase: "domain",
    measured: (r) => (r.domain?.planSeries.ok ? r.domain.planSeries.medianMs : undefined),
    limit: 20,
  },
  {
    id: "domain-freeStarts-staffed",
    label: "availability, 31 days, 5,000 appointments, 20 staff",
    unit: "ms",
    phase: "domain",
    measured: (r) => r.domain?.staffed.freeStarts.medianMs,
    limit: 20,
  },
  {
    id: "domain-planSeries-staffed",
    label: "plan a 12-session series, 5,000 appointments, 20 staff",
    unit: "ms",
    phase: "domain",
    measured: (r) => (r.domain?.staffed.planSeries.ok ? r.domain.staffed.planSeries.medianMs : undefined),
    limit: 20,
  },
  {
    id: "reminders",
    label: "1,000 due reminders sent locally",
    unit: "s",
    phase: "throughput",
    measured: (r) => {
      const t = r.throughput;
      return t && t.emailsInSes >= t.reminders ? t.allSentSeconds : undefined;
    },
    limit: 30,
  },
  {
    id: "console-js",
    label: "console JavaScript (gzip)",
    unit: "KB",
    phase: "console",
    measured: (r) => r.console?.jsGzipKb,
    limit: 150,
  },
  {
    id: "console-today",
    label: "console: navigation to a rendered Today of 60 appointments (median)",
    unit: "ms",
    phase: "console",
    measured: (r) => r.console?.todayMs.median,
    limit: 1000,
  },
];

/** The budgets whose phase ran (or failed) in this run, as checks; a missing figure is NaN. */
export function checkBudgets(results: Results, ran: ReadonlySet<PhaseKey>): BudgetCheck[] {
  return BUDGETS.filter((b) => ran.has(b.phase)).map((b) => ({
    id: b.id,
    label: b.label,
    unit: b.unit,
    measured: b.measured(results) ?? Number.NaN,
    limit: (typeof b.limit === "number" ? b.limit : b.limit(results)) ?? Number.NaN,
  }));
}

const coldStart = (r: Results, name: string) => r.coldStart?.functions.find((f) => f.name === name);

/** A budget on an operation of request-counts.ts: its DynamoDB writes, or all its AWS requests. */
function requests(operation: string, what: "writes" | "total", limit: number): Budget {
  return {
    id: `requests-${operation}`,
    label: `${operation}: ${what === "writes" ? "write round trips" : "AWS requests"}`,
    unit: what === "writes" ? "writes" : "requests",
    phase: "requestCounts",
    measured: (r) => r.requestCounts?.operations.find((o) => o.operation === operation)?.[what],
    limit,
  };
}

/** The one-client run of an operation, if every request of it succeeded (else its figures mean little). */
function atOneClient(r: Results, operation: OperationName): LevelResult | undefined {
  const level = r.latency?.operations
    .find((o) => o.name === operation)
    ?.levels.find((l) => l.concurrency === 1);
  return level && level.ok === level.requests ? level : undefined;
}
