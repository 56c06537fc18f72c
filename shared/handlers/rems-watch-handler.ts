import { logger } from "../observability/logger.js";
import {
  countOverdueRemsForms,
  type DigestDeps,
  type DigestResult,
  sendRemsDigest,
} from "../use-cases/rems-digest.js";

/** The overdue forms' count, for the alarm on it (Powertools Metrics in Lambda). */
export interface RemsWatchMetrics {
  overdueForms(n: number): void;
  flush?(): void;
}

/** What one run found and did. */
export interface RemsWatchReport {
  overdueForms: number;
  digest: DigestResult;
}

/**
 * Watches the REMS monitoring forms on the reconciler's rate schedule (AWS) or every clock move (local):
 * publishes how many are overdue, and sends the day's digest to the clinic once its time has come.
 * Logs counts and outcomes only: no ids of patients.
 */
export function makeRemsWatchHandler(deps: DigestDeps, metrics?: RemsWatchMetrics) {
  return async (): Promise<RemsWatchReport> => {
    try {
      const overdueForms = await countOverdueRemsForms(deps);
      metrics?.overdueForms(overdueForms);
      const digest = await sendRemsDigest(deps);
      if (digest === "sent" || digest === "failed")
        logger.info("daily digest of monitoring forms", { digest });
      return { overdueForms, digest };
    } finally {
      metrics?.flush?.();
    }
  };
}
