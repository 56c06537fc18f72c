import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { type BenchStack, startBenchStack } from "./bench-stack.js";
import { type BudgetCheck, formatNumber, LIMITS, verdict } from "./budgets.js";
import { type ColdStartResult, measureColdStart } from "./cold-start.js";
import { type ConsoleRenderResult, measureConsoleRender } from "./console-render.js";
import { type DomainScaleResult, measureDomainScale } from "./domain-scale.js";
import { type EmulatorFloorResult, measureEmulatorFloor } from "./emulator-floor.js";
import { type LatencyResult, measureLatency } from "./latency.js";
import { stackChildren } from "./memory.js";
import { measureReminderThroughput, type ThroughputResult } from "./reminder-throughput.js";
import {
  budgetTable,
  coldStartTable,
  domainTable,
  emulatorFloorTable,
  latencyTable,
  memoryLines,
  requestCountTable,
  settleLine,
  throughputLines,
} from "./report.js";
import { measureRequestCounts, type RequestCountResult } from "./request-counts.js";
import { round } from "./stats.js";

const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));

interface Results {
  coldStart?: ColdStartResult;
  domain?: DomainScaleResult;
  throughput?: ThroughputResult;
  latency?: LatencyResult;
  emulatorFloor?: EmulatorFloorResult;
  requestCounts?: RequestCountResult;
  console?: ConsoleRenderResult;
  /** DynamoDB requests the local stack sent during the throughput and latency runs. */
  stackDynamoRequests?: Record<string, number>;
  /** Stack processes still alive 5 s after stop(): must be empty. */
  leftoverProcesses?: string[];
  errors: Record<string, string>;
}

const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * Runs every measurement once, in an order that keeps them from disturbing each other: the subprocess
 * cold starts and the pure domain before anything else runs on the machine, then one local stack for
 * the reminder burst (on a fresh table), the API latency runs, and the request counts (own table).
 * A phase that fails is reported as such; the others still run.
 */
export async function runSuite(): Promise<boolean> {
  const started = performance.now();
  const results: Results = { errors: {} };
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    log(`${name}...`);
    const t = performance.now();
    try {
      const value = await run();
      log(`${name} done in ${round((performance.now() - t) / 1000)} s`);
      return value;
    } catch (error) {
      results.errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${name} FAILED: ${(error as Error).message}`);
      return undefined;
    }
  };

  // Pure functions first, in a quiet process: after the cold-start phase (esbuild's service, 180 child
  // processes and their metafiles) the same medians ran 12 → 22 ms on this machine.
  results.domain = await phase("domain at scale", async () => measureDomainScale());
  results.coldStart = await phase("cold start (bundle, 15 fresh processes each)", () => measureColdStart());

  let bench: BenchStack | undefined;
  let children: { pid: number; command: string }[] = [];
  const stop = async () => {
    const b = bench;
    bench = undefined;
    await b?.stack.stop();
  };
  // Ctrl-C must not leave DynamoDB Local's JVM or the SES emulator behind.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the local stack`);
    void stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    bench = await phase("start the local stack", () => startBenchStack());
    children = stackChildren();
    if (bench) {
      const b = bench;
      results.throughput = await phase("1,000 reminders due at once", () => measureReminderThroughput(b));
      results.latency = await phase("API latency at 1, 10, 50 clients", () => measureLatency(b));
      results.requestCounts = await phase("AWS requests per operation", () => measureRequestCounts(b));
      results.emulatorFloor = await phase("a booking's write alone, on fresh DynamoDB Locals", () =>
        measureEmulatorFloor(b),
      );
      results.stackDynamoRequests = b.allDynamo.snapshot();
    }
  } finally {
    await stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  // Its own small stack and a Chromium, after the big stack has stopped: the browser needs the cores.
  results.console = await phase("staff console: size and a Today of 60 appointments in Chromium", () =>
    measureConsoleRender(),
  );
  results.leftoverProcesses = await survivors(children);

  const verdicts = budgets(results).map(verdict);
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const seconds = round((performance.now() - started) / 1000);
  const sections: string[] = [
    `Benchmarks: ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB`,
  ];
  if (results.coldStart) {
    sections.push(
      `1. Cold start proxy: esbuild bundle as deployed; median of ${results.coldStart.runs} fresh \`node\` ${results.coldStart.node} processes, process start to module initialised`,
      coldStartTable(results.coldStart, byId),
    );
  }
  if (results.requestCounts) {
    sections.push(
      "2. AWS requests per operation (SDK middleware counts; min = fewest that can do it, see bench/README.md)",
      requestCountTable(results.requestCounts, byId),
    );
  }
  if (results.latency) {
    sections.push(
      "3. API latency over loopback (local stack's HTTP server; closed loop; percentiles over 2xx only)",
      settleLine(results.latency),
      latencyTable(results.latency, byId),
      memoryLines(results.latency),
    );
  }
  if (results.emulatorFloor) {
    const f = results.emulatorFloor;
    sections.push(
      `3b. What DynamoDB Local alone takes: each booking's captured TransactWriteItems replayed with fresh keys at ${f.concurrency} clients, no API and no reads, on a fresh JVM per table, as deployed (3 GSIs, stream) and bare (keys only)`,
      emulatorFloorTable(f, results.latency),
    );
  }
  if (results.domain) {
    sections.push(
      `4. Domain at scale: 12 chairs, ${results.domain.bookings} bookings over ${results.domain.calendarDays} days; median of ${results.domain.runs} runs after 5 warm-up runs`,
      domainTable(results.domain, byId),
    );
  }
  if (results.throughput) {
    sections.push("5. Reminder throughput (local stack)", throughputLines(results.throughput, byId));
  }
  if (results.console) {
    const c = results.console;
    sections.push(
      `6. Staff console: gzipped assets, and headless Chromium to a rendered Today of ${c.appointments} appointments (median of ${c.runs} fresh browser contexts after one warm-up)`,
      [
        `JavaScript ${formatNumber(c.jsGzipKb)} KB, CSS ${formatNumber(c.cssGzipKb)} KB (gzip) — ${byId.get("console-js")?.text ?? ""}`,
        `page load + sign-in to Today: median ${formatNumber(c.coldMedianMs)} ms, max ${formatNumber(c.coldMaxMs)} ms — ${byId.get("console-today")?.text ?? ""}`,
        `from another page to Today: median ${formatNumber(c.inAppMedianMs)} ms, max ${formatNumber(c.inAppMaxMs)} ms`,
      ].join("\n"),
    );
  }
  const passed = verdicts.filter((v) => v.pass).length;
  sections.push(`Budgets: ${passed} of ${verdicts.length} pass`, budgetTable(verdicts));
  for (const [name, error] of Object.entries(results.errors)) sections.push(`FAILED: ${name}\n${error}`);
  sections.push(
    results.leftoverProcesses.length === 0
      ? `Stopped: ${children.map((c) => `${c.command} (pid ${c.pid})`).join(", ") || "nothing to stop"}.`
      : `LEFT RUNNING after stop: ${results.leftoverProcesses.join(", ")}`,
  );
  sections.push(`Took ${seconds} s. Results: ${RESULTS_FILE}`);
  console.log(`\n${sections.join("\n\n")}\n`);

  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: {
          node: process.version,
          platform: `${process.platform} ${process.arch}`,
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGb: Math.round(totalmem() / 2 ** 30),
        },
        seconds,
        budgets: verdicts,
        ...results,
      },
      null,
      2,
    )}\n`,
  );
  return Object.keys(results.errors).length === 0 && results.leftoverProcesses.length === 0;
}

/** The stack's processes that are still alive up to 5 s after it was stopped. */
async function survivors(children: { pid: number; command: string }[]): Promise<string[]> {
  const alive = () =>
    children.filter((c) => {
      try {
        process.kill(c.pid, 0);
        return true;
      } catch {
        return false;
      }
    });
  for (let i = 0; i < 50 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return alive().map((c) => `${c.command} (pid ${c.pid})`);
}

/** Every budget of issue 6 as a check; a phase that failed yields NaN, which reads "not measured". */
function budgets(r: Results): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const name of ["admin-api", "schedule-sync", "send-reminder", "email-events"]) {
    const f = r.coldStart?.functions.find((x) => x.name === name);
    checks.push({
      id: `bundle-${name}`,
      label: `${name} bundle (minified)`,
      measured: f?.kb ?? Number.NaN,
      limit: LIMITS.bundleKb,
      unit: "KB",
    });
    checks.push({
      id: `init-${name}`,
      label: `${name} import-and-init vs empty handler`,
      measured: f?.ratio ?? Number.NaN,
      limit: LIMITS.initRatio,
      unit: "x",
    });
  }
  const op = (name: string) => r.requestCounts?.operations.find((o) => o.operation === name);
  for (const name of ["book series (iv-ketamine, 6)", "book series (esketamine, 12)"]) {
    checks.push({
      id: `requests-${name}`,
      label: `${name}: write round trips`,
      measured: op(name)?.writes ?? Number.NaN,
      limit: LIMITS.seriesWrites,
      unit: "writes",
    });
  }
  for (const name of ["send reminder (day-before)", "send reminder (series confirmation)"]) {
    checks.push({
      id: `requests-${name}`,
      label: `${name}: AWS requests`,
      measured: op(name)?.total ?? Number.NaN,
      limit: LIMITS.reminderRequests,
      unit: "requests",
    });
  }
  const scans =
    r.requestCounts && r.stackDynamoRequests
      ? r.requestCounts.scans + (r.stackDynamoRequests["DynamoDB.Scan"] ?? 0)
      : Number.NaN;
  checks.push({
    id: "scans",
    label: "Scans (whole run)",
    measured: scans,
    limit: LIMITS.scans,
    unit: "scans",
  });
  const p95 = (name: string) =>
    r.latency?.operations.find((o) => o.name === name)?.levels.find((l) => l.concurrency === 10);
  const consultation = p95("book consultation");
  checks.push({
    id: "latency-book consultation-10",
    label: "book consultation p95 at 10 clients",
    measured: consultation && consultation.ok === consultation.requests ? consultation.p95Ms : Number.NaN,
    limit: LIMITS.consultationP95Ms,
    unit: "ms",
  });
  const series = p95("book series (esketamine, 12)");
  checks.push({
    id: "latency-book series (esketamine, 12)-10",
    label: "book 12-session series p95 at 10 clients",
    measured: series && series.ok === series.requests ? series.p95Ms : Number.NaN,
    limit: LIMITS.seriesP95Ms,
    unit: "ms",
  });
  checks.push({
    id: "domain-freeStarts",
    label: "availability, 31 days, 5,000 appointments",
    measured: r.domain?.freeStarts.medianMs ?? Number.NaN,
    limit: LIMITS.availabilityMs,
    unit: "ms",
  });
  checks.push({
    id: "domain-planSeries",
    label: "plan a 12-session series",
    measured: r.domain?.planSeries.ok ? r.domain.planSeries.medianMs : Number.NaN,
    limit: LIMITS.planSeriesMs,
    unit: "ms",
  });
  const t = r.throughput;
  checks.push({
    id: "reminders",
    label: "1,000 due reminders sent locally",
    measured: t && t.emailsInSes >= t.reminders ? t.allSentSeconds : Number.NaN,
    limit: LIMITS.remindersSeconds,
    unit: "s",
  });
  checks.push({
    id: "console-js",
    label: "staff console JavaScript (gzip)",
    measured: r.console?.jsGzipKb ?? Number.NaN,
    limit: LIMITS.consoleJsKb,
    unit: "KB",
  });
  checks.push({
    id: "console-today",
    label: "staff console: load and sign-in to a Today of 60",
    measured: r.console?.coldMedianMs ?? Number.NaN,
    limit: LIMITS.consoleTodayMs,
    unit: "ms",
  });
  return checks;
}
