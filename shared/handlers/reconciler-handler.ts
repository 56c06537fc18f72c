import { logger } from "../observability/logger.js";
import {
  type ReconcileReport,
  type ReconcilerDeps,
  reconcileReminders,
} from "../use-cases/reconcile-reminders.js";

/** EventBridge Scheduler's rate schedule (AWS) or every clock move and start-up (local) runs this. */
export function makeReconcilerHandler(deps: ReconcilerDeps) {
  return async (): Promise<ReconcileReport> => {
    const report = await reconcileReminders(deps);
    if (report.examined > 0) logger.info("reminders reconciled", { ...report });
    return report;
  };
}
