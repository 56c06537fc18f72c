import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { LAMBDA_ESBUILD_OPTIONS } from "../../infra/constructs/lambda-bundle.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { routeSpecsOf } from "../../shared/http/app.js";
import { assembleApp, type RouteGroup } from "../../shared/http/app-assembly.js";
import type { AppOptions } from "../../shared/http/app-env.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import { PATIENT_PAGE_ROUTES } from "../../shared/http/patient-pages-app.js";
import type { RouteSpec } from "../../shared/http/route-table.js";
import { ADMIN_API_ROUTES } from "../../shared/http/staff-api-app.js";
import type { Deps } from "../../shared/use-cases/deps.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A function bundled as bench/cold-start.ts and NodejsFunction bundle it, in memory. */
async function bundleOf(name: string): Promise<string> {
  const result = await build({
    entryPoints: [`${repoRoot}functions/${name}.ts`],
    ...LAMBDA_ESBUILD_OPTIONS,
    outfile: "index.mjs",
    write: false,
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

// Describing routes reads nothing: no deps are needed.
const options: AppOptions = {
  deps: {} as Deps,
  authenticate: lambdaAuthorizerClaims,
  openApiDocument: apiOpenApiDocument,
};
/** Every route of the HTTP API, with its docs: none of them may be in any bundle. */
const documented = routeSpecsOf(options);
const servedBy = (groups: readonly RouteGroup[]) => assembleApp(options, groups).specs;

function leakedDocs(code: string): string[] {
  return documented.flatMap((spec) =>
    [spec.summary, spec.description, ...responseTexts(spec)]
      .map(wordsOf)
      // Runs this short could be anyone's words ("The patient.").
      .filter((words) => words.length >= 16 && code.includes(words))
      .map((words) => `${spec.operationId}: ${words}`),
  );
}

const missingRoutes = (code: string, served: readonly RouteSpec[]) =>
  served.flatMap((spec) => [spec.operationId, spec.path]).filter((serving) => !code.includes(`"${serving}"`));

describe("the patient-pages Lambda bundle", () => {
  it("holds no route's docs, and its own routes' operationIds and paths", async () => {
    const code = await bundleOf("patient-pages");
    expect(leakedDocs(code)).toEqual([]);
    expect(missingRoutes(code, servedBy(PATIENT_PAGE_ROUTES))).toEqual([]);
  }, 60_000);
});

describe("admin-api's Lambda bundle", () => {
  let code: string;
  beforeAll(async () => {
    code = await bundleOf("admin-api");
  }, 60_000);

  it("leaves out the routes' docs (API_DOCS: routes.describe) and keeps what serving them needs", () => {
    // `includes`, not toContain: a failure would print the whole bundle.
    const has = (text: string) => code.includes(text);
    expect(has("Books a consultation, integration session, booster or one protocol session")).toBe(false);
    expect(has("Unknown id.")).toBe(false);
    expect(has('"bookAppointment"')).toBe(true);
    expect(has('"/appointments/{id}/reminders/{reminderId}/resend"')).toBe(true);
  });

  it("holds no route's summary, description or documented responses, and every staff route's operationId and path", () => {
    expect(leakedDocs(code)).toEqual([]);
    expect(missingRoutes(code, servedBy(ADMIN_API_ROUTES))).toEqual([]);
  });
});
