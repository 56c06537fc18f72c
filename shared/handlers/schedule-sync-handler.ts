import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { reminderChangeOf } from "../adapters/dynamodb/stream-records.js";
import { logger } from "../observability/logger.js";
import type { Clock } from "../ports/clock.js";
import { type SyncDeps, syncReminderSchedule } from "../use-cases/sync-reminder-schedules.js";

/**
 * The table's stream, reminder records only, to schedules. A record that fails is reported by its
 * sequence number so Lambda retries from there (and bisects), without redoing the whole batch.
 */
export function makeScheduleSyncHandler(deps: SyncDeps & { clock: Clock }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse["batchItemFailures"] = [];
    for (const record of event.Records) {
      const change = reminderChangeOf(record);
      if (!change) continue;
      const reminderId = (change.newImage ?? change.oldImage)?.id;
      try {
        const result = await syncReminderSchedule(deps, change, deps.clock.now());
        logger.debug("reminder schedule synced", { reminderId, result });
      } catch (error) {
        logger.warn("reminder schedule sync failed", { reminderId, errorName: (error as Error).name });
        const id = record.dynamodb?.SequenceNumber;
        if (id) batchItemFailures.push({ itemIdentifier: id });
        // Lambda retries from the first failure: later records would be redone anyway.
        break;
      }
    }
    return { batchItemFailures };
  };
}
