import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiOpenApiDocument } from "../shared/http/api-openapi-document.js";
import { routeSpecsOf } from "../shared/http/app.js";
import { lambdaAuthorizerClaims } from "../shared/http/authenticators.js";
import type { Deps } from "../shared/use-cases/deps.js";

let text: string | undefined;
const writtenTo = new Set<string>();

/**
 * The HTTP API's OpenAPI document, which admin-api serves: built here in the CDK process (once per process)
 * from the routes admin-api and patient-pages serve behind the API (`createApp`'s, without local ones), and
 * written into `dir` (the cloud assembly's directory, as the assets are); returns the file's path.
 * app-function.ts copies it beside admin-api's bundle, where the function reads it on the first
 * GET /openapi.json. Built at synth, it needs no network and no deployed value (the function sets
 * `servers` when serving, if it has a URL).
 */
export function adminApiOpenApiDocumentFile(dir: string): string {
  // Describing the routes reads nothing and touches no port: no deps are needed.
  text ??= JSON.stringify(
    apiOpenApiDocument(
      routeSpecsOf({
        deps: {} as Deps,
        authenticate: lambdaAuthorizerClaims,
        openApiDocument: apiOpenApiDocument,
      }),
    ),
  );
  const file = join(dir, "admin-api.openapi.json");
  // Written afresh in each synth: a cdk.out kept from an earlier one may hold an older document.
  if (!writtenTo.has(file)) writeFileSync(file, text);
  writtenTo.add(file);
  return file;
}
