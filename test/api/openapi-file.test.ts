import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminApiOpenApiDocumentFile } from "../../infra/openapi-document-file.js";
import { makeAdminApiApp, makeAdminApiHandler } from "../../shared/handlers/admin-api-handler.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import { OPENAPI_FILE_NAME, openApiDocumentFile } from "../../shared/http/openapi-file.js";
import { logger } from "../../shared/observability/logger.js";
import type { Deps } from "../../shared/use-cases/deps.js";
import { expectApiHeaders } from "../support/security-header-checks.js";

const API_URL = "https://abc123.execute-api.us-east-1.amazonaws.com";

/** GET `path` as API Gateway's HTTP API (payload v2) hands it to the function, without a token. */
const getEvent = (path: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: {},
  requestContext: { http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1" } },
  isBase64Encoded: false,
});

interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** No route here reaches a use case: the document is read from a file, the probe reads nothing. */
const deps = {} as Deps;

/** What the API serves when it builds the document in process (local mode), for the same routes. */
async function inProcessDocument(publicUrl?: string): Promise<object> {
  const app = createApp({
    deps,
    authenticate: lambdaAuthorizerClaims,
    openApiDocument: apiOpenApiDocument,
    ...(publicUrl ? { publicUrl } : {}),
  });
  return (await (await app.request("/openapi.json")).json()) as object;
}

describe("admin-api in Lambda serves /openapi.json from the file beside its bundle", () => {
  let dir: string;
  const fileIn = (d: string) => new URL(OPENAPI_FILE_NAME, pathToFileURL(`${d}/`));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "clinic-openapi-file-"));
    // The file exactly as the CDK app writes it into the asset (infra/openapi-document-file.ts).
    copyFileSync(adminApiOpenApiDocumentFile(dir), join(dir, OPENAPI_FILE_NAME));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it("answers GET /openapi.json, with no token, with the document the in-process builder makes", async () => {
    // As functions/admin-api.ts builds it: no public URL, so no `servers`, as before the file.
    const handler = makeAdminApiHandler({ deps, corsOrigins: [], openApiFile: fileIn(dir) });
    const result = (await handler(getEvent("/openapi.json") as never, {} as never)) as LambdaResult;
    expect(result.statusCode).toBe(200);
    expect(result.headers["content-type"]).toMatch(/^application\/json/);
    expectApiHeaders(new Headers(result.headers));
    const served = JSON.parse(result.body) as { openapi: string; servers?: unknown };
    expect(served.openapi).toBe("3.1.0");
    expect(served).not.toHaveProperty("servers");
    expect(served).toEqual(await inProcessDocument());
  });

  it("names the API's public URL in `servers` when it has one, as the in-process document does", async () => {
    const app = makeAdminApiApp({ deps, openApiFile: fileIn(dir), publicUrl: API_URL });
    const served = (await (await app.request("/openapi.json")).json()) as { servers: unknown };
    expect(served.servers).toEqual([{ url: API_URL }]);
    // Same members in the same order: the text is the in-process document's, byte for byte.
    expect(JSON.stringify(served)).toBe(JSON.stringify(await inProcessDocument(API_URL)));
  });

  it("reads the file once, on the first request for it", async () => {
    const read = vi.fn(async () => JSON.stringify({ openapi: "3.1.0", info: {}, paths: {} }));
    const app = createApp({
      deps,
      authenticate: lambdaAuthorizerClaims,
      openApiDocument: openApiDocumentFile(fileIn(dir), read),
    });
    expect(read).not.toHaveBeenCalled();
    expect((await app.request("/health")).status).toBe(200);
    expect(read).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) expect((await app.request("/openapi.json")).status).toBe(200);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("answers 503 problem+json and logs the missing file when the deployment left it out", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const empty = mkdtempSync(join(tmpdir(), "clinic-openapi-missing-"));
    try {
      const handler = makeAdminApiHandler({ deps, corsOrigins: [], openApiFile: fileIn(empty) });
      const result = (await handler(getEvent("/openapi.json") as never, {} as never)) as LambdaResult;
      expect(result.statusCode).toBe(503);
      expect(result.headers["content-type"]).toBe("application/problem+json");
      expectApiHeaders(new Headers(result.headers));
      expect(JSON.parse(result.body)).toMatchObject({
        status: 503,
        title: "Service unavailable",
        code: "openapi-unavailable",
      });
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]?.[1]).toEqual({
        file: join(empty, OPENAPI_FILE_NAME),
        errorName: "Error",
        errorCode: "ENOENT",
      });
      // The rest of the API is unaffected.
      const health = (await handler(getEvent("/health") as never, {} as never)) as LambdaResult;
      expect(health.statusCode).toBe(200);
      // Nothing is kept from a failed read: once the file is there, it is served.
      copyFileSync(join(dir, OPENAPI_FILE_NAME), join(empty, OPENAPI_FILE_NAME));
      const later = (await handler(getEvent("/openapi.json") as never, {} as never)) as LambdaResult;
      expect(later.statusCode).toBe(200);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
