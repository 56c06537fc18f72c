import { join } from "node:path";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../../local/dynamodb-local.js";
import { readJsonFile } from "../../../local/json-file.js";
import { scheduleName } from "../../../shared/ports/reminder-scheduler.js";

/**
 * Says where an unsettled reminder is stuck, from the raw state of a running `npm start`: its item's
 * claim and lease (the API does not show them) and whether the Scheduler emulator holds its schedule.
 */
export function rawReminderState(dataDir: string, dynamodbPort: number) {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${dynamodbPort}`,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  return async (appointmentId: string, reminderId: string): Promise<string> => {
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: "clinic-scheduler-local",
        Key: { pk: { S: `APPT#${appointmentId}` }, sk: { S: `REM#${reminderId}` } },
      }),
    );
    const item = Item ? unmarshall(Item) : {};
    const claim = Object.entries(item)
      .filter(([name]) => /claim|lease|version/i.test(name))
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(" ");
    const saved = readJsonFile(join(dataDir, "scheduler", "schedules.json")) as
      | { schedules?: { Name: string; ScheduleExpression: string; firedAt?: string }[] }
      | undefined;
    const schedule = saved?.schedules?.find((s) => s.Name === scheduleName(reminderId));
    const where = schedule
      ? `schedule ${schedule.ScheduleExpression}${schedule.firedAt ? ` spent at ${schedule.firedAt}` : " pending"}`
      : "no schedule";
    return `item: ${claim || "no claim"}; ${where}`;
  };
}
