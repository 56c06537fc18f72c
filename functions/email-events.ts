// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { emailEventsEnv, readEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeEmailEventsHandler } from "../shared/handlers/email-events-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// SES bounce and complaint events, delivered by EventBridge, mark the patient's address.
const env = readEnv(emailEventsEnv);

export const handler = makeEmailEventsHandler({
  store: storeFromEnv(env),
  clock: systemClock,
  ids: randomIds,
  // Recording an email event never reads the clinic.
  clinicDefaults: DEFAULT_CLINIC,
});
