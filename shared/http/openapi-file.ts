import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { logger } from "../observability/logger.js";
import { OpenApiDocumentUnavailable } from "./openapi-source.js";

/** The document's file name in admin-api's Lambda asset, beside the bundle (`index.mjs`). */
export const OPENAPI_FILE_NAME = "openapi.json";

/**
 * The OpenAPI document the deployment wrote at `file` (beside the Lambda bundle: see
 * infra/openapi-document-file.ts), read when the app first asks for it (the app keeps what it got). A
 * missing or unreadable file is a broken deployment: it is logged and each request for the document answers
 * 503 until one succeeds. The routes are not needed: the file was built from the same ones at synth.
 */
export function openApiDocumentFile(
  file: URL,
  read: (file: URL) => Promise<string> = (f) => readFile(f, "utf8"),
): () => Promise<object> {
  return async () => {
    try {
      return JSON.parse(await read(file)) as object;
    } catch (error) {
      // The path and the error's kind only: nothing a request carried.
      logger.error("the OpenAPI document file is missing or unreadable; the deployment did not include it", {
        file: fileURLToPath(file),
        errorName: (error as Error)?.name,
        errorCode: (error as NodeJS.ErrnoException)?.code,
      });
      throw new OpenApiDocumentUnavailable("The OpenAPI document is not available.");
    }
  };
}
