import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { type BenchStack, startBenchStack } from "./bench-stack.js";
import { checkBudgets } from "./budgets.js";
import { log } from "./log.js";
import { machineSpeedLine } from "./machine-speed.js";
import { stackChildren } from "./memory.js";
import { type Phase, selectedPhases } from "./phases.js";
import { budgetTable } from "./report.js";
import type { PhaseKey, Results } from "./results.js";
import { round } from "./stats.js";
import { verdict } from "./verdict.js";

const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));

/**
 * Runs each phase once (phases.ts says which, in what order), the quiet ones before the local stack
 * starts, then evaluates the budgets (budgets.ts), prints the report and writes results.json. A phase
 * that fails is reported as such; the others still run. The stack is stopped whatever happens.
 */
export async function runSuite(): Promise<boolean> {
  const started = performance.now();
  // Other work on the machine slows every figure, CPU time included: the report says how busy it was.
  const loadAtStart = loadavg()[0]!;
  const results: Results = { errors: {} };
  const phases = selectedPhases();
  const ran = new Set<PhaseKey>();
  const run = async <K extends PhaseKey>(p: Phase<K>, bench: BenchStack | undefined) => {
    ran.add(p.key);
    // Only "stack" phases use the stack, and they run only once it has started.
    const value = await step(results, p.name, () => p.run(bench as BenchStack));
    if (value !== undefined) results[p.key] = value;
  };

  for (const p of phases.filter((p) => p.needs === "quiet")) await run(p, undefined);

  const onStack = phases.filter((p) => p.needs === "stack");
  let bench: BenchStack | undefined;
  let children: { pid: number; command: string }[] = [];
  let freshChildren: { pid: number; command: string }[] = [];
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
    if (onStack.length > 0) {
      bench = await step(results, "start the local stack", () => startBenchStack());
      children = stackChildren();
      freshChildren = bench?.freshChildren ?? [];
      // Without a stack its phases cannot run; they still count as run, so their budgets say "not measured".
      for (const p of onStack) {
        if (bench) await run(p, bench);
        else ran.add(p.key);
      }
      if (bench) results.stackDynamoRequests = bench.allDynamo.snapshot();
    }
  } finally {
    await stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  results.leftoverProcesses = await survivors([...children, ...freshChildren]);

  const verdicts = checkBudgets(results, ran).map(verdict);
  const context = { verdicts: new Map(verdicts.map((v) => [v.id, v])), results };
  const seconds = round((performance.now() - started) / 1000);
  const load = { atStart: round(loadAtStart, 2), atEnd: round(loadavg()[0]!, 2) };
  const busy = Math.max(load.atStart, load.atEnd) > cpus().length;
  const sections: string[] = [
    `Benchmarks: ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB; load average (1 min) ${load.atStart} at the start, ${load.atEnd} at the end${busy ? `\nThe machine was busier than its ${cpus().length} cores: every figure, CPU time and ratios included, is slower than on a quiet machine.` : ""}`,
  ];
  let n = 0;
  for (const p of phases) {
    const result = results[p.key];
    if (result === undefined) continue;
    const [title = "", ...body] = p.report(result, context);
    sections.push(`${++n}. ${title}`, ...body);
  }
  const passed = verdicts.filter((v) => v.pass).length;
  sections.push(`Budgets: ${passed} of ${verdicts.length} pass`, budgetTable(verdicts));
  const speed = machineSpeedLine(results.coldStart);
  if (speed) sections.push(speed);
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
          loadAverage: load,
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

/** Runs one step, logging its time; a failure is recorded in `results.errors` and yields undefined. */
async function step<T>(results: Results, name: string, run: () => Promise<T>): Promise<T | undefined> {
  log(`${name}...`);
  const t = performance.now();
  try {
    const value = await run();
    log(
      `${name} done in ${round((performance.now() - t) / 1000)} s (load average ${loadavg()[0]!.toFixed(2)})`,
    );
    return value;
  } catch (error) {
    results.errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name} FAILED: ${(error as Error).message}`);
    return undefined;
  }
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
