import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { ReminderJob } from "../../ports/reminder-scheduler.js";

/** Invokes send-reminder asynchronously, as a schedule would, for reminders already due. */
export function lambdaSendNow(client: () => LambdaClient, functionArn: string) {
  return async (job: ReminderJob): Promise<void> => {
    await client().send(
      new InvokeCommand({ FunctionName: functionArn, InvocationType: "Event", Payload: JSON.stringify(job) }),
    );
  };
}
