// First: zod's English messages for every parse this function makes (zod/mini loads no locale).
import "../shared/config/zod-english.js";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";
import { storeFromEnv } from "../shared/adapters/dynamodb/store-from-env.js";
import { SesMailer } from "../shared/adapters/ses/ses-mailer.js";
import { readEnv, remsWatchEnv } from "../shared/config/env.js";
import { DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { makeRemsWatchHandler } from "../shared/handlers/rems-watch-handler.js";
import { systemClock } from "../shared/ports/clock.js";
import { randomIds } from "../shared/ports/id-source.js";

// Every quarter hour (an EventBridge Scheduler rate): counts overdue REMS monitoring forms for their alarm,
// and sends the clinic its daily digest of forms to chase once the day's digest time has come.
const env = readEnv(remsWatchEnv);
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "ClinicScheduler" });

export const handler = makeRemsWatchHandler(
  {
    store: storeFromEnv(env),
    clock: systemClock,
    ids: randomIds,
    // The digest goes to the saved clinic's address: a clinic never saved has none, and gets no digest.
    clinicDefaults: DEFAULT_CLINIC,
    mailer: new SesMailer(
      withoutSdkLogging(new SESv2Client({})),
      env.SENDER_EMAIL,
      env.SES_CONFIGURATION_SET,
    ),
  },
  {
    overdueForms: (n) => metrics.addMetric("RemsFormsOverdue", MetricUnit.Count, n),
    flush: () => metrics.publishStoredMetrics(),
  },
);
