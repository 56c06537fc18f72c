// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { linkKeysFromEnv } from "../shared/adapters/secrets/link-keys-from-env.js";
import { SesMailer } from "../shared/adapters/ses/ses-mailer.js";
import { readEnv, sendReminderEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeSendReminderHandler } from "../shared/handlers/send-reminder-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Invoked by each reminder's schedule; sends at most one email per reminder.
const env = readEnv(sendReminderEnv);
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "ClinicScheduler" });

export const handler = makeSendReminderHandler(
  {
    store: storeFromEnv(env),
    clock: systemClock,
    ids: randomIds,
    clinicDefaults: env.CLINIC_DEFAULTS ?? DEFAULT_CLINIC,
    linkKeys: linkKeysFromEnv(env),
    mailer: new SesMailer(
      withoutSdkLogging(new SESv2Client({})),
      env.SENDER_EMAIL,
      env.SES_CONFIGURATION_SET,
    ),
    senderEmail: env.SENDER_EMAIL,
    ...(env.PUBLIC_API_URL ? { publicApiUrl: env.PUBLIC_API_URL } : {}),
  },
  {
    count: (result) => metrics.addMetric(`Reminders_${result}`, MetricUnit.Count, 1),
    flush: () => metrics.publishStoredMetrics(),
  },
);
