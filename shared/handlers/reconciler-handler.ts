import { logger } from "../observability/logger.js";
import {
  type ReconcileReport,
  type ReconcilerDeps,
  reconcileReminders,
} from "../use-cases/reconcile-reminders.js";

/** Counts what a run did, for dashboards and the alarm on failed reminders (Powertools Metrics in Lambda). */
export interface ReconcileMetrics {
  count(what: "Redriven" | "Resynced" | "Failed", n: number): void;
  flush?(): void;
}

/** EventBridge Scheduler's rate schedule (AWS) or every clock move and start-up (local) runs this. */
export function makeReconcilerHandler(deps: ReconcilerDeps, metrics?: ReconcileMetrics) {
  return async (): Promise<ReconcileReport> => {
    try {
      const report = await reconcileReminders(deps);
      if (report.examined > 0) logger.info("reminders reconciled", { ...report });
      if (report.failed > 0) logger.error("reminders given up on: marked failed", { failed: report.failed });
      metrics?.count("Redriven", report.redriven);
      metrics?.count("Resynced", report.resynced);
      metrics?.count("Failed", report.failed);
      return report;
    } finally {
      metrics?.flush?.();
    }
  };
}
