import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { routeSpecsOf } from "../../shared/http/app.js";
import { assembleApp, type RouteGroup } from "../../shared/http/app-assembly.js";
import type { AppOptions } from "../../shared/http/app-env.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import type { RouteSpec } from "../../shared/http/route-table.js";
import type { Deps } from "../../shared/use-cases/deps.js";

// What a Lambda bundle holds of the HTTP API's routes: checks on minified code as deployed.

// Describing routes reads nothing: no deps are needed.
const options: AppOptions = {
  deps: {} as Deps,
  authenticate: lambdaAuthorizerClaims,
  openApiDocument: apiOpenApiDocument,
};

/**
 * The longest run of plain words in `text`: it survives minifying unchanged (no quotes or backticks for
 * esbuild to escape), so if the text is in the bundle, so is this.
 */
const wordsOf = (text: string) =>
  (text.match(/[A-Za-z0-9 ,.;:()-]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), "");

/** Every response description of a route, the shared ones (commonErrors...) included. */
const responseTexts = (spec: RouteSpec) => Object.values(spec.responses).map((r) => r.description);

/** The docs of any route of the API (summary, description, documented responses) that `code` holds. */
export function leakedDocs(code: string): string[] {
  return routeSpecsOf(options).flatMap((spec) =>
    [spec.summary, spec.description, ...responseTexts(spec)]
      .map(wordsOf)
      // Runs this short could be anyone's words ("The patient.").
      .filter((words) => words.length >= 16 && code.includes(words))
      .map((words) => `${spec.operationId}: ${words}`),
  );
}

/** The operationIds and paths of the routes `groups` serve that `code` does not hold. */
export function missingRoutes(code: string, groups: readonly RouteGroup[]): string[] {
  return assembleApp(options, groups)
    .specs.flatMap((spec) => [spec.operationId, spec.path])
    .filter((serving) => !code.includes(`"${serving}"`));
}
