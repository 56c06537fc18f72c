// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { reminderSchedulerFromEnv } from "../shared/adapters/scheduler/reminder-scheduler-from-env.js";
import { readEnv, reconcilerEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeReconcilerHandler } from "../shared/handlers/reconciler-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Every few minutes (an EventBridge Scheduler rate): re-drives reminders a crash or a lost event left unsettled.
const env = readEnv(reconcilerEnv);
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "ClinicScheduler" });
const scheduler = reminderSchedulerFromEnv(env);

export const handler = makeReconcilerHandler(
  { store: storeFromEnv(env), clock: systemClock, ids: randomIds, clinicDefaults: DEFAULT_CLINIC, scheduler },
  {
    count: (what, n) => metrics.addMetric(`Reminders${what}`, MetricUnit.Count, n),
    flush: () => metrics.publishStoredMetrics(),
  },
);
