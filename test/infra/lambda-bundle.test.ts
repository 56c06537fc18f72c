import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BUNDLE_ALIASES,
  DROP_LABELS,
  ESM_REQUIRE_BANNER,
  LAMBDA_NODE_TARGET,
  MAIN_FIELDS,
} from "../../infra/constructs/lambda-bundle.js";
import { adminApiRouteSpecs } from "../../shared/handlers/admin-api-handler.js";
import type { RouteSpec } from "../../shared/http/route-table.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** admin-api bundled as bench/cold-start.ts and NodejsFunction bundle it, in memory. */
async function adminApiBundle(): Promise<string> {
  const result = await build({
    entryPoints: [`${repoRoot}functions/admin-api.ts`],
    outfile: "index.mjs",
    write: false,
    bundle: true,
    minify: true,
    platform: "node",
    target: LAMBDA_NODE_TARGET,
    format: "esm",
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_REQUIRE_BANNER },
    alias: BUNDLE_ALIASES,
    dropLabels: DROP_LABELS,
    logLevel: "error",
    absWorkingDir: repoRoot,
  });
  return result.outputFiles.find((f) => f.path.endsWith(".mjs"))!.text;
}

/**
 * The longest run of plain words in `text`: it survives minifying unchanged (no quotes or backticks for
 * esbuild to escape), so if the text is in the bundle, so is this.
 */
const wordsOf = (text: string) =>
  (text.match(/[A-Za-z0-9 ,.;:()-]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), "");

/** Every response description of a route, the shared ones (commonErrors...) included. */
const responseTexts = (spec: RouteSpec) => Object.values(spec.responses).map((r) => r.description);

describe("admin-api's Lambda bundle", () => {
  let code: string;
  const specs = adminApiRouteSpecs();
  beforeAll(async () => {
    code = await adminApiBundle();
  }, 60_000);

  it("leaves out the routes' docs (API_DOCS: routes.describe) and keeps what serving them needs", () => {
    // `includes`, not toContain: a failure would print the whole bundle.
    const has = (text: string) => code.includes(text);
    expect(has("Books a consultation, integration session, booster or one protocol session")).toBe(false);
    expect(has("Unknown id.")).toBe(false);
    expect(has('"bookAppointment"')).toBe(true);
    expect(has('"/appointments/{id}/reminders/{reminderId}/resend"')).toBe(true);
  });

  it("holds no route's summary, description or documented responses, and every route's operationId and path", () => {
    const leaked = specs.flatMap((spec) =>
      [spec.summary, spec.description, ...responseTexts(spec)]
        .map(wordsOf)
        // Runs this short could be anyone's words ("The patient.").
        .filter((words) => words.length >= 16 && code.includes(words))
        .map((words) => `${spec.operationId}: ${words}`),
    );
    expect(leaked).toEqual([]);
    const missing = specs
      .flatMap((spec) => [spec.operationId, spec.path])
      .filter((serving) => !code.includes(`"${serving}"`));
    expect(missing).toEqual([]);
  });
});
