import type { AgendaRequestCount } from "./agenda-requests.js";
import type { ColdStartResult } from "./cold-start.js";
import type { ConsoleResult } from "./console-today.js";
import type { DomainScaleResult } from "./domain-scale.js";
import type { EmulatorFloorResult } from "./emulator-floor.js";
import type { LatencyResult } from "./latency.js";
import type { ReconcilerRequestCount } from "./reconciler-requests.js";
import type { ThroughputResult } from "./reminder-throughput.js";
import type { RequestCountResult } from "./request-counts.js";

/**
 * What one run measured: one field per phase (see phases.ts), absent when the phase did not run
 * (`BENCH_PHASES`) or failed (then `errors` says why). Budgets (budgets.ts) read from here.
 */
export interface Results {
  domain?: DomainScaleResult;
  coldStart?: ColdStartResult;
  throughput?: ThroughputResult;
  latency?: LatencyResult;
  requestCounts?: RequestCountResult;
  emulatorFloor?: EmulatorFloorResult;
  agenda?: AgendaRequestCount;
  reconciler?: ReconcilerRequestCount;
  console?: ConsoleResult;
  /** DynamoDB requests the local stack sent during the stack phases (the whole run's Scan count). */
  stackDynamoRequests?: Record<string, number>;
  /** Stack processes still alive 5 s after stop(): must be empty. */
  leftoverProcesses?: string[];
  /** Phase name → error, for the phases that failed. */
  errors: Record<string, string>;
}

/** A phase's key in Results. */
export type PhaseKey = Exclude<keyof Results, "stackDynamoRequests" | "leftoverProcesses" | "errors">;
