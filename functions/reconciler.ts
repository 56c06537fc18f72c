import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { lambdaSendNow } from "../shared/adapters/lambda/async-invoker.js";
import { EventBridgeReminderScheduler } from "../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { readEnv, reconcilerEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeReconcilerHandler } from "../shared/handlers/reconciler-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Every few minutes (an EventBridge Scheduler rate): re-drives reminders a crash or a lost event left unsettled.
const env = readEnv(reconcilerEnv);
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "ClinicScheduler" });
const scheduler = new EventBridgeReminderScheduler(
  withoutSdkLogging(new SchedulerClient({})),
  {
    groupName: env.SCHEDULE_GROUP_NAME,
    targetArn: env.SEND_REMINDER_FUNCTION_ARN,
    roleArn: env.SCHEDULER_ROLE_ARN,
    ...(env.SCHEDULE_DLQ_ARN ? { deadLetterArn: env.SCHEDULE_DLQ_ARN } : {}),
  },
  lambdaSendNow(withoutSdkLogging(new LambdaClient({})), env.SEND_REMINDER_FUNCTION_ARN),
);

export const handler = makeReconcilerHandler(
  { store: storeFromEnv(env), clock: systemClock, ids: randomIds, clinicDefaults: DEFAULT_CLINIC, scheduler },
  {
    count: (what, n) => metrics.addMetric(`Reminders${what}`, MetricUnit.Count, n),
    flush: () => metrics.publishStoredMetrics(),
  },
);
