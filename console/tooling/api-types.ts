import openapiTS, { astToString } from "openapi-typescript";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import { Unauthenticated } from "../../shared/http/authenticators.js";
import type { Deps } from "../../shared/use-cases/deps.js";

/** Where the console keeps the API's types, generated from the OpenAPI document and checked in. */
export const API_TYPES_FILE = new URL("../src/api/schema.d.ts", import.meta.url);

const HEADER = `/**
 * The admin API's types, generated from its OpenAPI document by console/tooling/generate-api-types.ts.
 * Do not edit: run \`npm run console:api-types\` after changing a route or schema. A test fails while this
 * file and the document disagree.
 */

`;

/**
 * The OpenAPI document exactly as the API serves it at `/openapi.json`, without a server: the document is
 * built from the route specs alone, so the app needs no store and no caller to produce it.
 */
export async function openApiDocumentOfTheApp(): Promise<object> {
  const app = createApp({
    // Never reached: building the document touches no use case.
    deps: { store: {} } as Deps,
    authenticate: async () => {
      throw new Unauthenticated("no callers while generating the document");
    },
    openApiDocument: apiOpenApiDocument,
  });
  const res = await app.request("/openapi.json");
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as object;
}

/** The console's `schema.d.ts` for the current routes, as text. */
export async function generateApiTypes(): Promise<string> {
  // Fields with a default are optional in requests (the server fills them in), required in responses:
  // the document says which through `required`, so defaults must not make a field required here.
  const ast = await openapiTS(structuredClone(await openApiDocumentOfTheApp()) as never, {
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}
