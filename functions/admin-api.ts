// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { adminApiEnv, readEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeAdminApiHandler } from "../shared/handlers/admin-api-handler.js";
import { OPENAPI_FILE_NAME } from "../shared/http/openapi-file.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Built once per cold start; API Gateway's JWT authorizer has verified the caller before we run.
const env = readEnv(adminApiEnv);
export const handler = makeAdminApiHandler({
  deps: {
    store: storeFromEnv(env),
    clock: systemClock,
    ids: randomIds,
    clinicDefaults: env.CLINIC_DEFAULTS ?? DEFAULT_CLINIC,
  },
  corsOrigins: env.CORS_ORIGINS,
  // Beside this bundle in the Lambda asset, written there by the CDK app (infra/openapi-document-file.ts).
  openApiFile: new URL(`./${OPENAPI_FILE_NAME}`, import.meta.url),
});
