import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { adminApiRouteSpecs } from "../shared/handlers/admin-api-handler.js";
import { apiOpenApiDocument } from "../shared/http/api-openapi-document.js";

let text: string | undefined;
const writtenTo = new Set<string>();

/**
 * admin-api's OpenAPI document, built here in the CDK process (once per process) from the same routes the
 * function serves, and written into `dir` (the cloud assembly's directory, as the assets are); returns the
 * file's path. app-function.ts copies it beside the bundle, where the function reads it on the first
 * GET /openapi.json. Built at synth, it needs no network and no deployed value (the function sets
 * `servers` when serving, if it has a URL).
 */
export function adminApiOpenApiDocumentFile(dir: string): string {
  text ??= JSON.stringify(apiOpenApiDocument(adminApiRouteSpecs()));
  const file = join(dir, "admin-api.openapi.json");
  // Written afresh in each synth: a cdk.out kept from an earlier one may hold an older document.
  if (!writtenTo.has(file)) writeFileSync(file, text);
  writtenTo.add(file);
  return file;
}
