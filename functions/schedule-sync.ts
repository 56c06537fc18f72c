// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { reminderSchedulerFromEnv } from "../shared/adapters/scheduler/reminder-scheduler-from-env.js";
import { readEnv, scheduleSyncEnv } from "../shared/config/env.js";
import { makeScheduleSyncHandler } from "../shared/handlers/schedule-sync-handler.js";
import { systemClock } from "../shared/ports/clock.js";

// Triggered by the table's stream (reminder records only); keeps one schedule per pending reminder.
const env = readEnv(scheduleSyncEnv);
const scheduler = reminderSchedulerFromEnv(env);

export const handler = makeScheduleSyncHandler({ scheduler, clock: systemClock, store: storeFromEnv(env) });
