import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import type { AppEnv } from "../../shared/http/app-env.js";
import { jsonContent } from "../../shared/http/openapi-helpers.js";
import { type RouteDocs, RouteTable } from "../../shared/http/route-table.js";
import type { Deps } from "../../shared/use-cases/deps.js";

/** A table with two routes, `getOne` and `getTwo`; only the first described. */
function table() {
  const app = new Hono<AppEnv>();
  // These routes use no ports.
  const routes = new RouteTable(app, async () => ({ sub: "nobody", roles: [] }), {} as Deps);
  routes.add({ method: "get", path: "/one", operationId: "getOne" }, (c) => c.json({ n: 1 }, 200));
  routes.describe("getOne", docs);
  routes.add({ method: "get", path: "/two", operationId: "getTwo" }, (c) => c.json({ n: 2 }, 200));
  return { app, routes };
}
const docs: RouteDocs = {
  summary: "One",
  description: "The first.",
  tags: ["service"],
  responses: { 200: jsonContent(z.object({ n: z.number() }), "One.") },
};

// Lambda bundles drop every `API_DOCS: routes.describe(...)` (infra/constructs/lambda-bundle.ts).
describe("a route's docs, given apart from it by routes.describe", () => {
  it("are merged into its spec for the OpenAPI document", () => {
    const { routes } = table();
    routes.describe("getTwo", { ...docs, summary: "Two" });
    expect(routes.specs.map((s) => [s.operationId, s.path, s.summary])).toEqual([
      ["getOne", "/one", "One"],
      ["getTwo", "/two", "Two"],
    ]);
    expect(JSON.stringify(apiOpenApiDocument(routes.specs))).toContain('"summary":"Two"');
  });

  it("are not needed to serve it: a table without them serves, as a Lambda does", async () => {
    const { app, routes } = table();
    expect(routes.specs).toHaveLength(2);
    expect(await (await app.request("/two")).json()).toEqual({ n: 2 });
  });

  it("missing, make building the document fail, naming the route", () => {
    const { routes } = table();
    expect(() => apiOpenApiDocument(routes.specs)).toThrow(/getTwo \(GET \/two\) has no API docs/);
  });

  it("naming an operationId no route has, or a route twice, fail at once, naming it", () => {
    const { routes } = table();
    expect(() => routes.describe("getThree", docs)).toThrow(/"getThree"\): no route with that operationId/);
    expect(() => routes.describe("getOne", docs)).toThrow("operationId getOne is described twice");
  });
});
