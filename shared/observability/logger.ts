import { Logger } from "@aws-lambda-powertools/logger";

let built: Logger | undefined;
// Made on the first line logged, not at import: making it sets up stdout and stderr (several ms of a cold
// start), and the admin API logs only when a request fails.
const powertools = () => {
  built ??= new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "clinic-scheduler" });
  return built;
};

/**
 * One structured JSON logger. Log ids and codes only: never names, emails, notes or anything a patient
 * told the clinic.
 */
export const logger: Pick<Logger, "debug" | "info" | "warn" | "error" | "setLogLevel"> = {
  debug: (input, ...extra) => powertools().debug(input, ...extra),
  info: (input, ...extra) => powertools().info(input, ...extra),
  warn: (input, ...extra) => powertools().warn(input, ...extra),
  error: (input, ...extra) => powertools().error(input, ...extra),
  setLogLevel: (level) => powertools().setLogLevel(level),
};
