import { measureAgendaRequests } from "./agenda-requests.js";
import type { BenchStack } from "./bench-stack.js";
import { measureColdStart } from "./cold-start.js";
import { measureConsole } from "./console-today.js";
import { measureDomainScale } from "./domain-scale.js";
import { measureEmulatorFloor } from "./emulator-floor.js";
import { measureLatency } from "./latency.js";
import { log } from "./log.js";
import { measureReconcilerRequests } from "./reconciler-requests.js";
import { measureReminderThroughput } from "./reminder-throughput.js";
import {
  agendaLines,
  coldStartTable,
  consoleLines,
  domainTable,
  emulatorFloorTable,
  harnessLine,
  latencyTable,
  memoryLines,
  reconcilerTable,
  requestCountTable,
  settleLine,
  throughputLines,
} from "./report.js";
import { measureRequestCounts } from "./request-counts.js";
import type { PhaseKey, Results } from "./results.js";
import type { Verdict } from "./verdict.js";

/** What a phase's report section can read: every verdict by budget id, and the other phases' results. */
export interface ReportContext {
  verdicts: Map<string, Verdict>;
  results: Results;
}

/**
 * One measurement: a function that returns its result (stored in Results under `key`) and the section of
 * the printed report that shows it. Budgets read the result (budgets.ts).
 */
export interface Phase<K extends PhaseKey = PhaseKey> {
  key: K;
  /** Its name in the log and in `errors`. */
  name: string;
  /**
   * "quiet": runs first, before the local stack starts, in a process with nothing else going on;
   * "stack": runs on the local stack (`bench`), after the quiet phases.
   */
  needs: "quiet" | "stack";
  // Methods rather than function-typed properties, so that a Phase<"domain"> is also a Phase<PhaseKey>
  // and the suite can keep them all in one list.
  run(bench: BenchStack): Promise<NonNullable<Results[K]>>;
  /** Its section of the printed report: a title, then tables or lines. */
  report(result: NonNullable<Results[K]>, context: ReportContext): string[];
}

/** Keeps each entry's key, result and report in step (TypeScript checks them against Results[K]). */
const phase = <K extends PhaseKey>(p: Phase<K>): Phase<K> => p;

/**
 * Every phase, in the order they print; the suite runs the quiet ones first, then the stack's, each in
 * this order. After the cold-start phase (esbuild's service, 180 child processes) the domain's medians
 * ran 12 → 22 ms on this machine, so the domain goes before it. On the stack, the reminder burst goes
 * first, on a fresh table; the request counts use a table of their own; the agenda, the reconciler and the
 * console each get a DynamoDB Local of their own (BenchStack.onFreshDynamoDbLocal says why), as the
 * write-alone replay, last, does.
 */
export const PHASES: Phase[] = [
  phase({
    key: "domain",
    name: "domain at scale",
    needs: "quiet",
    run: async () => measureDomainScale(),
    report: (r, { verdicts }) => [
      `Domain at scale: 12 chairs, ${r.bookings} bookings over ${r.calendarDays} days; median of ${r.runs} runs after 5 warm-up runs`,
      domainTable(r, verdicts),
    ],
  }),
  phase({
    key: "coldStart",
    name: "cold start (bundle, 15 fresh processes each)",
    needs: "quiet",
    run: () => measureColdStart({ log }),
    report: (r, { verdicts }) => [
      `Cold start proxy: esbuild bundle as deployed; median of ${r.runs} fresh \`node\` ${r.node} processes, process start to module initialised${r.fallback ? `\n${r.fallback}: measured on this machine's Node instead, which may not pay what Lambda's does` : ""}`,
      coldStartTable(r, verdicts),
    ],
  }),
  phase({
    key: "throughput",
    name: "1,000 reminders due at once",
    needs: "stack",
    run: (bench) => measureReminderThroughput(bench),
    report: (r, { verdicts }) => ["Reminder throughput (local stack)", throughputLines(r, verdicts)],
  }),
  phase({
    key: "latency",
    name: "API latency at 1, 10, 50 clients",
    needs: "stack",
    run: (bench) => measureLatency(bench),
    report: (r, { verdicts }) => [
      "API latency and CPU over loopback (local stack's HTTP server; closed loop; percentiles over 2xx only)",
      settleLine(r),
      latencyTable(r, verdicts),
      harnessLine(r),
      memoryLines(r),
    ],
  }),
  phase({
    key: "requestCounts",
    name: "AWS requests per operation",
    needs: "stack",
    run: (bench) => measureRequestCounts(bench),
    report: (r, { verdicts }) => [
      "AWS requests per operation (SDK middleware counts; min = fewest that can do it, see bench/README.md)",
      requestCountTable(r, verdicts),
    ],
  }),
  phase({
    key: "agenda",
    name: "AWS requests of a day's agenda",
    needs: "stack",
    run: (bench) =>
      bench.onFreshDynamoDbLocal((dynamodbEndpoint) => measureAgendaRequests({ dynamodbEndpoint })),
    report: (r, { verdicts }) => [
      "A day's agenda (GET /agenda's use case) on a full day, own table",
      agendaLines(r, verdicts),
    ],
  }),
  phase({
    key: "reconciler",
    name: "AWS requests of a reconciler run, 0 and 10,000 settled reminders",
    needs: "stack",
    run: (bench) =>
      bench.onFreshDynamoDbLocal((dynamodbEndpoint) => measureReconcilerRequests({ dynamodbEndpoint })),
    report: (r, { verdicts }) => [
      "Reconciler: AWS requests of one run (its use case) on tables of 100 unsettled reminders, with and without 10,000 settled ones",
      reconcilerTable(r, verdicts),
    ],
  }),
  phase({
    key: "console",
    name: "the console: JavaScript size and time to a rendered Today",
    needs: "stack",
    run: (bench) =>
      bench.onFreshDynamoDbLocal((dynamodbEndpoint) =>
        measureConsole({ dynamodbEndpoint, sesEndpoint: bench.stack.sesUrl }),
      ),
    report: (r, { verdicts }) => [
      `Staff console in headless Chromium ${r.chromium}: size of the build, and a fresh browser's navigation to Today with ${r.appointments} appointments`,
      consoleLines(r, verdicts),
    ],
  }),
  phase({
    key: "emulatorFloor",
    name: "a booking's write alone, on fresh DynamoDB Locals",
    needs: "stack",
    run: (bench) => measureEmulatorFloor(bench),
    report: (r, { results }) => [
      `What DynamoDB Local alone takes (no budget): each booking's captured TransactWriteItems replayed with fresh keys at ${r.concurrency} clients, no API and no reads, on a fresh JVM per table, as deployed (3 GSIs, stream) and bare (keys only)`,
      emulatorFloorTable(r, results.latency),
    ],
  }),
];

/**
 * The phases this run does: all, or those `BENCH_PHASES` names (comma-separated keys, e.g.
 * `BENCH_PHASES=coldStart,latency`), to iterate on one phase without the whole 3 minutes.
 */
export function selectedPhases(only = process.env.BENCH_PHASES): Phase[] {
  if (!only) return PHASES;
  const keys = new Set(only.split(",").map((k) => k.trim()));
  const unknown = [...keys].filter((k) => !PHASES.some((p) => p.key === k));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_PHASES: no phase ${unknown.join(", ")}; the phases are ${PHASES.map((p) => p.key).join(", ")}`,
    );
  return PHASES.filter((p) => keys.has(p.key));
}
