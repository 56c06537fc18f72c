import { LambdaClient } from "@aws-sdk/client-lambda";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import type { ScheduleSyncEnv } from "../../config/env.js";
import { withoutSdkLogging } from "../aws/without-sdk-logging.js";
import { lambdaSendNow } from "../lambda/async-invoker.js";
import { EventBridgeReminderScheduler } from "./eventbridge-reminder-scheduler.js";

/**
 * The reminder scheduler schedule-sync and the reconciler share: one at() schedule per pending reminder in
 * the stack's group, and send-reminder invoked at once (Lambda's async invoke) for what is already due.
 */
export function reminderSchedulerFromEnv(env: ScheduleSyncEnv): EventBridgeReminderScheduler {
  let lambda: LambdaClient | undefined;
  return new EventBridgeReminderScheduler(
    withoutSdkLogging(new SchedulerClient({})),
    {
      groupName: env.SCHEDULE_GROUP_NAME,
      targetArn: env.SEND_REMINDER_FUNCTION_ARN,
      roleArn: env.SCHEDULER_ROLE_ARN,
      ...(env.SCHEDULE_DLQ_ARN ? { deadLetterArn: env.SCHEDULE_DLQ_ARN } : {}),
    },
    // Built on first use: most runs only schedule, and a client costs its construction at cold start.
    lambdaSendNow(() => (lambda ??= withoutSdkLogging(new LambdaClient({}))), env.SEND_REMINDER_FUNCTION_ARN),
  );
}
