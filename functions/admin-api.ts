// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { handle } from "hono/aws-lambda";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { linkKeysFromEnv } from "../shared/adapters/secrets/link-keys-from-env.js";
import { adminApiEnv, readEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { createApp } from "../shared/http/app.js";
import { lambdaAuthorizerClaims } from "../shared/http/authenticators.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Built once per cold start; API Gateway's JWT authorizer has verified the caller before we run.
const env = readEnv(adminApiEnv);
const app = createApp({
  deps: {
    store: storeFromEnv(env),
    clock: systemClock,
    ids: randomIds,
    clinicDefaults: env.CLINIC_DEFAULTS ?? DEFAULT_CLINIC,
    linkKeys: linkKeysFromEnv(env),
  },
  authenticate: lambdaAuthorizerClaims,
  corsOrigins: env.CORS_ORIGINS,
});

export const handler = handle(app);
