import { Logger } from "@aws-lambda-powertools/logger";

/**
 * One structured JSON logger. Log ids and codes only: never names, emails, notes or anything a patient
 * told the clinic.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "clinic-scheduler" });
