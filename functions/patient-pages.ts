// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { linkKeysFromEnv } from "../shared/adapters/secrets/link-keys-from-env.js";
import { patientPagesEnv, readEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makePatientPagesHandler } from "../shared/handlers/patient-pages-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Built once per cold start. No authorizer runs before us: each page checks its signed link.
const env = readEnv(patientPagesEnv);
export const handler = makePatientPagesHandler({
  store: storeFromEnv(env),
  clock: systemClock,
  ids: randomIds,
  clinicDefaults: env.CLINIC_DEFAULTS ?? DEFAULT_CLINIC,
  linkKeys: linkKeysFromEnv(env),
});
