import { fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (esbuild `alias`, see
 * infra/constructs/lambda-bundle.ts). Lambda hands a function its role's credentials in environment
 * variables only, so the default chain's profile, SSO, web-identity, container and instance-metadata
 * providers can never answer there; they are ~120 KB of every bundle and of every cold start.
 * Local mode and tests run from source and keep the full default chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
