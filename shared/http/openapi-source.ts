/**
 * What GET /openapi.json needs whichever way its document is produced (built in process, or read from
 * the file the deployment wrote beside the Lambda bundle). Kept apart from openapi-document.ts so the
 * app imports neither the builder nor zod's JSON Schema converter.
 */

/** The document cannot be had: an operator's problem (a deployment without the file), not the caller's. */
export class OpenApiDocumentUnavailable extends Error {
  override readonly name = "OpenApiDocumentUnavailable";
}

/**
 * `document` with `servers` naming `url`, placed after `info` as the builder writes it; unchanged without
 * a url. Set when serving: a file written at synth cannot know the URL the API is deployed at.
 */
export function withServer(document: object, url: string | undefined): object {
  if (!url) return document;
  const { openapi, info, servers: _replaced, ...rest } = document as Record<string, unknown>;
  return { openapi, info, servers: [{ url }], ...rest };
}
