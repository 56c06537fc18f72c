import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminApiRouteSpecs } from "../shared/handlers/admin-api-handler.js";
import { apiOpenApiDocument } from "../shared/http/api-openapi-document.js";

let written: string | undefined;

/**
 * admin-api's OpenAPI document, built here in the CDK process from the same routes the function serves
 * and written once per process to a temporary file, whose path is returned: app-function.ts copies it
 * beside the bundle, where the function reads it on the first GET /openapi.json. Built at synth, it
 * needs no network and no deployed value (the function sets `servers` when serving, if it has a URL).
 */
export function adminApiOpenApiDocumentFile(): string {
  if (written) return written;
  const dir = mkdtempSync(join(tmpdir(), "clinic-openapi-"));
  // Needed only while the functions are bundled, which happens as the stack is built.
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(apiOpenApiDocument(adminApiRouteSpecs())));
  written = file;
  return file;
}
