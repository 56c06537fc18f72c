import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../observability/logger.js";
import type { Clock } from "../ports/clock.js";
import type { ReminderScheduler } from "../ports/reminder-scheduler.js";
import { type ReminderImage, syncReminderSchedule } from "../use-cases/sync-reminder-schedules.js";

type Image = Record<string, AttributeValue> | undefined;

function reminderImage(image: Image): ReminderImage | undefined {
  if (!image) return undefined;
  const item = unmarshall(image);
  if (typeof item.sk !== "string" || !item.sk.startsWith("REM#")) return undefined;
  return { id: item.id, appointmentId: item.appointmentId, dueAt: item.dueAt, status: item.status };
}

/**
 * The table's stream, reminder records only, to schedules. A record that fails is reported by its
 * sequence number so Lambda retries from there (and bisects), without redoing the whole batch.
 */
export function makeScheduleSyncHandler(deps: { scheduler: ReminderScheduler; clock: Clock }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse["batchItemFailures"] = [];
    for (const record of event.Records) {
      const newImage = reminderImage(record.dynamodb?.NewImage as Image);
      const oldImage = reminderImage(record.dynamodb?.OldImage as Image);
      if (!newImage && !oldImage) continue;
      try {
        const result = await syncReminderSchedule(
          deps.scheduler,
          { ...(newImage ? { newImage } : {}), ...(oldImage ? { oldImage } : {}) },
          deps.clock.now(),
        );
        logger.debug("reminder schedule synced", { reminderId: (newImage ?? oldImage)?.id, result });
      } catch (error) {
        logger.warn("reminder schedule sync failed", {
          reminderId: (newImage ?? oldImage)?.id,
          errorName: (error as Error).name,
        });
        const id = record.dynamodb?.SequenceNumber;
        if (id) batchItemFailures.push({ itemIdentifier: id });
        // Lambda retries from the first failure: later records would be redone anyway.
        break;
      }
    }
    return { batchItemFailures };
  };
}
