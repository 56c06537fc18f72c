import type { AgendaRequestCount } from "./agenda-requests.js";
import type { ColdStartResult } from "./cold-start.js";
import type { ConsoleResult } from "./console-today.js";
import type { DomainScaleResult } from "./domain-scale.js";
import type { EmulatorFloorResult } from "./emulator-floor.js";
import type { LatencyResult } from "./latency.js";
import type { ReconcilerRequestCount } from "./reconciler-requests.js";
import type { ThroughputResult } from "./reminder-throughput.js";
import type { RequestCountResult } from "./request-counts.js";
import { formatNumber, type Verdict } from "./verdict.js";

/** A plain-text table with columns padded to their widest cell; numbers right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === "number" || r[i] === "-"));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

export function coldStartTable(r: ColdStartResult, verdicts: Map<string, Verdict>): string {
  const rows = r.functions.map((f) => [
    f.name,
    f.kb,
    verdicts.get(`bundle-${f.name}`)?.text ?? "",
    f.readyMs,
    f.importMs,
    f.ratio,
    f.ratioToSdkFloor,
    verdicts.get(`init-${f.name}`)?.text ?? "",
    `${formatNumber(f.withSourceMaps.readyMs)} (${formatNumber(f.withSourceMaps.ratio)}x)`,
    f.topPackages
      .slice(0, 3)
      .map((p) => `${p.name} ${formatNumber(p.kb)}`)
      .join(", "),
  ]);
  rows.push([
    "empty handler",
    r.empty.kb,
    "",
    r.empty.readyMs,
    r.empty.importMs,
    1,
    "-",
    "",
    `${formatNumber(r.empty.withSourceMapsReadyMs)} (1x)`,
    "",
  ]);
  rows.push([
    "SDK floor: empty + 1 DynamoDB client",
    r.sdkFloor.kb,
    "",
    r.sdkFloor.readyMs,
    "-",
    r.sdkFloor.ratio,
    1,
    "",
    "",
    "",
  ]);
  return table(
    [
      "function",
      "KB",
      "≤ 500 KB",
      "ready ms",
      "import ms",
      "x empty",
      "x SDK floor",
      "≤ 1.5x SDK floor",
      "+source maps ms",
      "largest packages (KB)",
    ],
    rows,
  );
}

export function requestCountTable(r: RequestCountResult, verdicts: Map<string, Verdict>): string {
  return table(
    ["operation", "total", "min", "over min", "budget", "requests sent"],
    r.operations.map((o) => [
      o.operation,
      o.total,
      o.minimum,
      o.total - o.minimum,
      verdicts.get(`requests-${o.operation}`)?.text ?? "",
      Object.entries(o.requests)
        .map(([op, n]) => `${op} ${n}`)
        .join(", "),
    ]),
  );
}

export function latencyTable(r: LatencyResult, verdicts: Map<string, Verdict>): string {
  const rows: (string | number)[][] = [];
  for (const op of r.operations) {
    for (const l of op.levels) {
      const failed = Object.entries(l.failed)
        .map(([s, n]) => `${n}x${s}`)
        .join(" ");
      rows.push([
        op.name,
        l.concurrency,
        l.requests,
        failed || "0",
        l.p50Ms,
        l.p95Ms,
        l.p99Ms,
        l.requestsPerSecond,
        l.writeConflicts,
        l.perRequest.apiCpuMs,
        l.perRequest.dynamoDbLocalCpuMs,
        l.perRequest.dynamoDbLocal.sqliteMs,
        l.perRequest.dynamoDbLocal.requestsMs,
        l.perRequest.dynamoDbLocal.jitMs,
        verdicts.get(`cpu-${op.name}-${l.concurrency}`)?.text ?? "",
        verdicts.get(`p95-${op.name}-${l.concurrency}`)?.text ?? "",
      ]);
    }
  }
  return table(
    [
      "operation",
      "clients",
      "requests",
      "non-2xx",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "req/s",
      "retried",
      "API cpu ms/req",
      "DDB Local cpu ms/req",
      "of it SQLite",
      "Jetty",
      "JIT",
      "budget (API cpu)",
      "budget (p95)",
    ],
    rows,
  );
}

export function settleLine(r: LatencyResult): string {
  const s = r.settle;
  const failed = s.failed === 0 ? "all 2xx" : `${s.failed} NOT 2xx`;
  return `Before measuring: ${s.requests} requests (${failed}) in ${s.rounds} rounds (${formatNumber(s.seconds)} s) at 10 clients to settle DynamoDB Local's JIT: its compiler's share of the JVM's CPU went ${pct(s.jitShareFirst)} → ${pct(s.jitShareLast)}`;
}

export function harnessLine(r: LatencyResult): string {
  return `"API cpu" is the bench process's CPU per request; of it, the load generator and Node's HTTP server take ${formatNumber(r.harnessCpuMs)} ms per request (measured against a server in the process that answers at once, 1 client)`;
}

const pct = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : "n/a");

export function emulatorFloorTable(r: EmulatorFloorResult, latency: LatencyResult | undefined): string {
  const apiP95 = (operation: string) =>
    latency?.operations.find((o) => o.name === operation)?.levels.find((l) => l.concurrency === r.concurrency)
      ?.p95Ms;
  const rows: (string | number)[][] = [];
  for (const replay of r.replays) {
    for (const run of replay.runs) {
      rows.push([
        replay.operation,
        replay.items,
        `${replay.warmupWrites} + ${replay.writes}`,
        run.table,
        run.p50Ms,
        run.p95Ms,
        apiP95(replay.operation) ?? "-",
        run.writesPerSecond,
        run.clientCpuMs,
        run.dynamoDbLocal.totalMs,
        run.dynamoDbLocal.sqliteMs,
        run.dynamoDbLocal.requestsMs,
        run.dynamoDbLocal.jitMs,
      ]);
    }
  }
  return table(
    [
      "its TransactWriteItems alone",
      "items",
      "warm-up + measured",
      "table",
      "p50 ms",
      "p95 ms",
      "whole request p95 (API latency)",
      "writes/s",
      "SDK cpu ms",
      "DDB Local cpu ms",
      "of it SQLite",
      "Jetty",
      "JIT",
    ],
    rows,
  );
}

export function memoryLines(r: LatencyResult): string {
  const children = r.memory.children.map((c) => `${c.command} ${formatNumber(c.peakMb)} MB`).join(", ");
  return [
    `Peak RSS of the bench process, which hosts the local API (sampled during the latency runs): ${formatNumber(r.memory.apiProcessPeakMb)} MB (kernel high-water mark: ${formatNumber(r.memory.processMaxRssMb)} MB)`,
    `Peak RSS of the stack's other processes: ${children || "n/a"}`,
  ].join("\n");
}

export function domainTable(r: DomainScaleResult, verdicts: Map<string, Verdict>): string {
  return table(
    ["function", "input", "first run ms", "median ms", "p95 ms", "budget (median)"],
    [
      [
        "freeStarts",
        `31 days, ${r.bookings} bookings (${r.bookingsInQueryWindow} in range), ${r.freeStarts.freeStarts} free`,
        r.freeStarts.firstRunMs,
        r.freeStarts.medianMs,
        r.freeStarts.p95Ms,
        verdicts.get("domain-freeStarts")?.text ?? "",
      ],
      [
        "planSeries",
        `${r.planSeries.protocol}, ${r.planSeries.sessions} sessions${r.planSeries.ok ? "" : ` FAILED: ${r.planSeries.failure}`}`,
        r.planSeries.firstRunMs,
        r.planSeries.medianMs,
        r.planSeries.p95Ms,
        verdicts.get("domain-planSeries")?.text ?? "",
      ],
      [
        "freeStarts, staffed",
        `as above, ${r.staffed.staff} staff, esketamine's people; ${r.staffed.freeStarts.freeStarts} free`,
        r.staffed.freeStarts.firstRunMs,
        r.staffed.freeStarts.medianMs,
        r.staffed.freeStarts.p95Ms,
        verdicts.get("domain-freeStarts-staffed")?.text ?? "",
      ],
      [
        "planSeries, staffed",
        `as above, ${r.staffed.staff} staff${r.staffed.planSeries.ok ? "" : ` FAILED: ${r.staffed.planSeries.failure}`}`,
        r.staffed.planSeries.firstRunMs,
        r.staffed.planSeries.medianMs,
        r.staffed.planSeries.p95Ms,
        verdicts.get("domain-planSeries-staffed")?.text ?? "",
      ],
    ],
  );
}

export function throughputLines(r: ThroughputResult, verdicts: Map<string, Verdict>): string {
  const notSent = Object.entries(r.notSent)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  return [
    `${r.reminders} reminders due at one instant: ${r.schedulesCreated} schedules created by the stream in ${formatNumber(r.schedulingSeconds)} s`,
    `after advance(): all sent in ${formatNumber(r.allSentSeconds)} s (${formatNumber(r.emailsPerSecond)} emails/s), pipeline settled in ${formatNumber(r.settledSeconds)} s — ${verdicts.get("reminders")?.text ?? ""}`,
    `emails in the SES emulator: ${r.emailsInSes}; sent ${r.sent}${notSent ? `; not sent: ${notSent}` : ""}; dead letters ${r.deadLetters}`,
  ].join("\n");
}

const requestList = (requests: Record<string, number>) =>
  Object.entries(requests)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");

export function agendaLines(r: AgendaRequestCount, verdicts: Map<string, Verdict>): string {
  return [
    `${r.date} in ${r.timezone} (the clinic-local day spans two UTC months): ${r.appointments} appointments of ${r.patients} patients, every chair and office full`,
    `${r.total} AWS requests (${requestList(r.requests)}) — ${verdicts.get("agenda")?.text ?? ""}`,
  ].join("\n");
}

export function reconcilerTable(r: ReconcilerRequestCount, verdicts: Map<string, Verdict>): string {
  return table(
    ["settled", "unsettled", "resynced", "re-driven", "AWS requests", "budget", "requests sent", "seed s"],
    r.runs.map((run) => [
      run.settled,
      run.unsettled,
      run.report.resynced,
      run.report.redriven,
      run.total,
      run.settled > 0 ? (verdicts.get("reconciler")?.text ?? "") : "(the limit)",
      requestList(run.requests),
      run.seedSeconds,
    ]),
  );
}

export function consoleLines(r: ConsoleResult, verdicts: Map<string, Verdict>): string {
  return [
    `JavaScript ${formatNumber(r.jsGzipKb)} KB gzipped (CSS ${formatNumber(r.cssGzipKb)} KB; build ${r.build === "built" ? "made by this run" : "already fresh"}) — ${verdicts.get("console-js")?.text ?? ""}`,
    `${r.appointments} appointments in ${r.lanes} lanes; median of ${r.runs} fresh browser contexts after one unmeasured: navigation to the sign-in form ${formatNumber(r.signInFormMs.median)} ms (slowest ${formatNumber(r.signInFormMs.max)}), to Today with every appointment rendered, sign-in click included, ${formatNumber(r.todayMs.median)} ms (slowest ${formatNumber(r.todayMs.max)}), after ${r.apiRequests} API requests — ${verdicts.get("console-today")?.text ?? ""}`,
  ].join("\n");
}

export function budgetTable(verdicts: Verdict[]): string {
  return table(
    ["budget", "measured", "limit", "verdict"],
    verdicts.map((v) => [
      v.label,
      `${formatNumber(v.measured)} ${v.unit}`,
      `≤ ${formatNumber(v.limit)} ${v.unit}`,
      v.text,
    ]),
  );
}
