import type { ColdStartResult } from "./cold-start.js";
import { formatNumber } from "./verdict.js";

/**
 * The SDK floor's cold start (an empty handler with one DynamoDB client, phase 2) on 21 November 2026, the
 * run the budgets in milliseconds were set from (a consultation's 5 ms of CPU and 25 ms p95 among them).
 * Nothing of ours is in it, so the same figure in another run says how fast the machine is that day.
 */
export const SDK_FLOOR_WHEN_BUDGETS_SET_MS = 63.4;
/** The Node that run's floor ran on. */
const NODE_WHEN_BUDGETS_SET = "v20.20.2";

/**
 * A line for the report: how this run's machine compares with the one the millisecond budgets were set
 * on. Information only: every verdict is on the figure as measured. On a shared machine the same code has
 * measured 1.9 times as slow from one week to the next (bench/README.md, "The same code, then and now").
 */
export function machineSpeedLine(coldStart: ColdStartResult | undefined): string | undefined {
  if (!coldStart) return undefined;
  const factor = coldStart.sdkFloor.readyMs / SDK_FLOOR_WHEN_BUDGETS_SET_MS;
  const major = (version: string) => version.split(".")[0];
  // Node 22 and Node 20 start the floor within a few percent of each other here, but not exactly alike.
  const otherNode =
    major(coldStart.node) === major(NODE_WHEN_BUDGETS_SET)
      ? ""
      : ` (on Node ${coldStart.node}, that run on ${NODE_WHEN_BUDGETS_SET}: a guide, not a measure)`;
  return (
    `This machine's speed: the SDK floor started in ${formatNumber(coldStart.sdkFloor.readyMs)} ms, ` +
    `${formatNumber(SDK_FLOOR_WHEN_BUDGETS_SET_MS)} ms on 21 November 2026 when the budgets in milliseconds ` +
    `were set: ${formatNumber(factor)}x as slow${otherNode}. The verdicts are on the figures as measured.`
  );
}
