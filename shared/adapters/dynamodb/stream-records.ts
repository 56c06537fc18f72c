import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import type { ReminderChange, ReminderImage } from "../../use-cases/sync-reminder-schedules.js";

type Image = Record<string, AttributeValue> | undefined;

/** Sort-key prefix of reminder items: the only stream records schedule-sync needs (see the stack's filter). */
export const REMINDER_SK_PREFIX = "REM#";

function reminderImage(image: Image): ReminderImage | undefined {
  if (!image) return undefined;
  const item = unmarshall(image);
  if (typeof item.sk !== "string" || !item.sk.startsWith(REMINDER_SK_PREFIX)) return undefined;
  return {
    id: item.id,
    appointmentId: item.appointmentId,
    dueAt: item.dueAt,
    status: item.status,
    version: typeof item.version === "number" ? item.version : 0,
  };
}

/** What a stream record says about a reminder; undefined for records of other items. */
export function reminderChangeOf(record: DynamoDBRecord): ReminderChange | undefined {
  const newImage = reminderImage(record.dynamodb?.NewImage as Image);
  const oldImage = reminderImage(record.dynamodb?.OldImage as Image);
  if (!newImage && !oldImage) return undefined;
  return { ...(newImage ? { newImage } : {}), ...(oldImage ? { oldImage } : {}) };
}
