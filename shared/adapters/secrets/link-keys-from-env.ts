import type { LinkKeySource } from "../../ports/link-keys.js";
import { RotatingLinkKeys } from "./rotating-link-keys.js";
import { secretsExtensionReader } from "./secrets-extension.js";

/**
 * The link keys a function was deployed with, or none (its emails then carry no Confirm or Cancel links).
 * Read through the Parameters and Secrets extension layer the function is deployed with
 * (infra/constructs/app-function.ts, `readsSecret`).
 */
export function linkKeysFromEnv(
  env: { PATIENT_LINK_SECRET_ARN?: string | undefined },
  processEnv: NodeJS.ProcessEnv = process.env,
): LinkKeySource | undefined {
  if (!env.PATIENT_LINK_SECRET_ARN) return undefined;
  const port = Number(processEnv.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT) || undefined;
  return new RotatingLinkKeys(
    secretsExtensionReader(env.PATIENT_LINK_SECRET_ARN, {
      ...(port ? { port } : {}),
      // Read when a request is made, from the function's environment as Lambda set it.
      token: () => processEnv.AWS_SESSION_TOKEN,
    }),
  );
}
