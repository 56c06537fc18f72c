import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { LinkKeySource } from "../../ports/link-keys.js";
import { withoutSdkLogging } from "../aws/without-sdk-logging.js";
import { SecretsManagerLinkKeys } from "./secrets-manager-link-keys.js";

/** The link keys a function was deployed with, or none (its emails then carry no Confirm or Cancel links). */
export function linkKeysFromEnv(env: {
  PATIENT_LINK_SECRET_ARN?: string | undefined;
}): LinkKeySource | undefined {
  if (!env.PATIENT_LINK_SECRET_ARN) return undefined;
  return new SecretsManagerLinkKeys(
    withoutSdkLogging(new SecretsManagerClient({})),
    env.PATIENT_LINK_SECRET_ARN,
  );
}
