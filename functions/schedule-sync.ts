import { LambdaClient } from "@aws-sdk/client-lambda";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { lambdaSendNow } from "../shared/adapters/lambda/async-invoker.js";
import { EventBridgeReminderScheduler } from "../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { readEnv, scheduleSyncEnv } from "../shared/config/env.js";
import { makeScheduleSyncHandler } from "../shared/handlers/schedule-sync-handler.js";
import { systemClock } from "../shared/ports/clock.js";

// Triggered by the table's stream (reminder records only); keeps one schedule per pending reminder.
const env = readEnv(scheduleSyncEnv);
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

export const handler = makeScheduleSyncHandler({ scheduler, clock: systemClock, store: storeFromEnv(env) });
