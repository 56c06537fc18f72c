import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";
import { expectApiHeaders, expectPageHeaders } from "../support/security-header-checks.js";

type JsonSchema = { $ref?: string; properties?: Record<string, JsonSchema>; enum?: string[] };
interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
}
interface Route {
  method: string;
  path: string;
  operation: Operation;
}

const RUNS_PER_ROUTE = 15;

// Strings that have broken servers: too long for a key, dates at the ends of the calendar, encodings.
const extremeString = fc.constantFrom(
  "",
  "a".repeat(2_100),
  `${"a".repeat(2_100)}.x`,
  "9999-12-31",
  "9999-12-30",
  "0000-01-01",
  "0001-01-01",
  "1969-12-31",
  "2026-02-30",
  "+275760-09-13",
  "2026-12-07T10:00:00.0000001Z",
  "2026-12-07T10:00:00+14:59",
  "-1",
  "0",
  "51",
  "1e308",
  "NaN",
  "..",
  "%",
  "a/b",
  "\u0000",
  "\u202Eevil",
  "Кetamine",
  "😀",
  "consultation",
  "booster",
  "iv-ketamine",
  "esketamine",
  "a@b.co",
  "a@b.co\r\nBcc: x@y.z",
  "America/New_York",
  "Mars/Olympus",
  "<script>alert(1)</script>",
  "2026-12-07T10:00:00-05:00",
  "2026-12-07T10:07:00-05:00",
);
const anyDate = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const scalar = fc.oneof(
  extremeString,
  anyDate,
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ minLength: 60, maxLength: 300 }),
);
// Ranges at the ends of the calendar: both ends valid, so they reach the store.
const edgeDate = fc.oneof(
  { weight: 1, arbitrary: anyDate },
  {
    weight: 3,
    arbitrary: fc.constantFrom("9999-12-30", "9999-12-31", "0000-01-01", "1970-01-01", "2026-12-07"),
  },
);
const dateRange = fc.tuple(edgeDate, fc.nat({ max: 3 })).map(([from, days]) => {
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000);
  return [
    ["from", from],
    ["to", Number.isNaN(to.getTime()) ? from : to.toISOString().slice(0, 10)],
  ] as [string, string][];
});
const bodyValue = fc.oneof(
  scalar,
  fc.jsonValue(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/**
 * Every route of the served OpenAPI document, with random and extreme path, query and body values, as an
 * admin (who may call everything, so the requests reach the rules and the store): never a 5xx, every
 * answer carries the security headers, and a refused request writes nothing. Routes added later are in
 * the document, so they are walked too.
 */
describe("every route in /openapi.json, with hostile values", () => {
  let api: ApiHarness;
  let routes: Route[];
  let components: Record<string, JsonSchema>;
  const ids: string[] = [];
  beforeAll(async () => {
    api = await apiHarness();
    const patientId = await eligiblePatient(api, ["iv-ketamine", "kap"]);
    const booked = await api.call("POST", "/appointments", {
      patientId,
      service: "consultation",
      start: "2026-12-04T11:00:00-05:00",
    });
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "kap",
      start: "2026-12-07T09:00:00-05:00",
    });
    ids.push(patientId, booked.body.id, series.body.id);
    const doc = (await api.call("GET", "/openapi.json", undefined, { role: "none" })).body;
    components = doc.components.schemas;
    routes = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  });

  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? (components[schema.$ref.split("/").pop() as string] as JsonSchema) : schema;
  /** Any value, or one of the parameter's own (an enum's values, the ids of the fixture) to reach deeper. */
  const valueFor = (p: Parameter) => {
    const own = p.in === "path" ? ids : (resolve(p.schema).enum ?? []);
    return own.length > 0 ? fc.oneof(fc.constantFrom(...own), scalar) : scalar;
  };

  const bodyFor = (operation: Operation) => {
    const declared = operation.requestBody?.content["application/json"].schema;
    if (!declared) return fc.constant(undefined);
    const schema = resolve(declared);
    const fields = Object.keys(schema.properties ?? {});
    const body = fc.dictionary(
      fc.oneof(fc.constantFrom(...fields, "id"), fc.string({ maxLength: 8 })),
      bodyValue,
      {
        maxKeys: fields.length + 1,
      },
    );
    // Half the time a named patient exists, so the fuzz reaches the rules rather than stopping at the 404.
    const realPatient = fc
      .tuple(body, fc.boolean())
      .map(([b, real]) => (real && "patientId" in b ? { ...b, patientId: ids[0] } : b));
    return fc.oneof({ weight: 4, arbitrary: realPatient }, { weight: 1, arbitrary: fc.jsonValue() });
  };

  const requestFor = (route: Route) => {
    const params = route.operation.parameters ?? [];
    const pathValues = fc.tuple(
      ...params.filter((p) => p.in === "path").map((p) => fc.tuple(fc.constant(p.name), valueFor(p))),
    );
    const inQuery = params.filter((p) => p.in === "query");
    const names = inQuery.map((p) => p.name);
    // Each declared parameter at most once with a likely value, then maybe repeats and unknown ones.
    const declared = fc.tuple(
      ...inQuery.map((p) => fc.option(fc.tuple(fc.constant(p.name), valueFor(p)), { nil: undefined })),
    );
    const extra = fc.array(
      fc.tuple(fc.oneof(fc.constantFrom("x", ...names), fc.string({ maxLength: 6 })), scalar),
      {
        maxLength: 2,
      },
    );
    const range = names.includes("from") && names.includes("to") ? dateRange : fc.constant([]);
    const query = fc
      .tuple(
        declared,
        range,
        extra,
        fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      )
      .map(
        ([given, dates, more, useRange]) =>
          [
            ...(useRange ? dates : given.filter((q) => q !== undefined)),
            ...(useRange ? given.filter((q) => q !== undefined && q[0] !== "from" && q[0] !== "to") : []),
            ...more,
          ] as [string, string][],
      );
    return fc.record({ pathValues, query, body: bodyFor(route.operation) });
  };

  it("never answers 5xx, always sends the security headers, and writes nothing when it refuses", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(23);
    for (const route of routes) {
      // One scan per run: each run's table is the next run's "before".
      let table = await api.allItems();
      await fc.assert(
        fc.asyncProperty(requestFor(route), async ({ pathValues, query, body }) => {
          let path = route.path;
          for (const [name, value] of pathValues) path = path.replace(`{${name}}`, encodeURIComponent(value));
          const search = new URLSearchParams(query).toString();
          const url = search ? `${path}?${search}` : path;
          const res = await api.call(route.method, url, body, { role: "admin" });
          const what = `${route.method} ${url.slice(0, 300)} ${JSON.stringify(body)?.slice(0, 200)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.headers.get("content-type")?.startsWith("text/html")) expectPageHeaders(res.headers);
          else expectApiHeaders(res.headers);
          const after = await api.allItems();
          if (res.status >= 400 || route.method === "GET") expect(after, what).toEqual(table);
          table = after;
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  }, 300_000);
});
