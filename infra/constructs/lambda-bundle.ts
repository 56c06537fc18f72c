import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

/**
 * How every function is bundled, shared by infra/constructs/app-function.ts (NodejsFunction) and the
 * benchmark (bench/cold-start.ts), so what is measured is what is deployed.
 */

/** ESM bundles have no `require`; a few CommonJS dependencies inside the bundled AWS SDK still call it. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __cdkCreateRequire } from 'node:module'; const require = __cdkCreateRequire(import.meta.url);";

/** The Node.js major of the Lambda runtime (NODEJS_22_X). */
export const LAMBDA_NODE_TARGET = "node22";

/** Prefer the SDK's ES modules: esbuild tree-shakes them, not the CommonJS builds. */
export const MAIN_FIELDS = ["module", "main"];

/** Modules replaced in the bundle; see each replacement's own comment for why it is safe in Lambda. */
export const BUNDLE_ALIASES: Record<string, string> = {
  "@aws-sdk/credential-provider-node": fileURLToPath(
    new URL("../../shared/adapters/aws/lambda-credentials.ts", import.meta.url),
  ),
};

/** The same aliases as NodejsFunction's `esbuildArgs` (it has no `alias` option). */
export const aliasEsbuildArgs = (): { "--alias": string[] } => ({
  "--alias": Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`),
});

/**
 * Statements labelled `API_DOCS:` are left out of every bundle: each route's OpenAPI prose and documented
 * responses (`API_DOCS: routes.describe(...)` in shared/http), which the deployed function never reads, since
 * admin-api's document is written at synth (infra/openapi-document-file.ts). Everywhere else (tsx, vitest,
 * the CDK app, local mode) the label changes nothing.
 */
export const API_DOCS_LABEL = "API_DOCS";
export const DROP_LABELS = [API_DOCS_LABEL];

/** The same labels as NodejsFunction's `esbuildArgs` (it has no `dropLabels` option). */
export const dropLabelsEsbuildArgs = (): { "--drop-labels": string } => ({
  "--drop-labels": DROP_LABELS.join(","),
});

/**
 * What NodejsFunction's bundling (app-function.ts) amounts to as esbuild's own options, for code that runs
 * esbuild itself to measure what is deployed (bench/cold-start.ts).
 */
export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  platform: "node",
  target: LAMBDA_NODE_TARGET,
  format: "esm",
  mainFields: MAIN_FIELDS,
  banner: { js: ESM_REQUIRE_BANNER },
  alias: BUNDLE_ALIASES,
  dropLabels: DROP_LABELS,
} as const satisfies BuildOptions;
