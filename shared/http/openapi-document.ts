import * as z from "zod/mini";
import { API_TAGS } from "./api-tags.js";
import type { RouteSpec } from "./route-table.js";

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
  license?: { name: string; identifier?: string; url?: string };
}

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

/** Where the document keeps the schema named `name`. */
const componentUri = (name: string) => `#/components/schemas/${name}`;

// Registry id of the object that carries the routes' own schemas through a conversion; never emitted.
const ROUTE_SCHEMAS = "(route schemas)";

/**
 * The OpenAPI 3.1 document for the given routes. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
 * what zod's own converter writes; requests are described as clients send them (`io: "input"`),
 * responses as the server produces them. Schemas named with an `id` in `z.globalRegistry` are written once,
 * under `components.schemas`, and referred to by `$ref` everywhere else.
 */
export function openApiDocument(
  routes: readonly RouteSpec[],
  info: DocumentInfo,
  options: { serverUrl?: string; securitySchemes?: Record<string, object> } = {},
): object {
  const schemas = documentSchemas(routes);
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, object>)[route.method] = operation(route, schemas.of);
  }
  const used = new Set(routes.flatMap((r) => r.tags));
  const tags = Object.entries(API_TAGS)
    .filter(([name]) => used.has(name as keyof typeof API_TAGS))
    .map(([name, description]) => ({ name, description }));
  return {
    openapi: "3.1.0",
    info,
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags,
    paths,
    components: {
      schemas: schemas.components,
      ...(options.securitySchemes ? { securitySchemes: options.securitySchemes } : {}),
    },
  };
}

type SchemaOf = (schema: z.ZodMiniType, io: Io) => JsonSchema;

function operation(route: RouteSpec, schemaOf: SchemaOf): object {
  const request = route.request ?? {};
  const parameters = [
    ...parametersOf(request.params, "path", schemaOf),
    ...parametersOf(request.query, "query", schemaOf),
    ...parametersOf(request.headers, "header", schemaOf),
  ];
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        ...(response.content
          ? {
              content: Object.fromEntries(
                Object.entries(response.content).map(([type, { schema }]) => [
                  type,
                  { schema: schemaOf(schema, "output") },
                ]),
              ),
            }
          : {}),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: route.tags,
    // A public route says so (an empty list), rather than leaving readers to guess.
    security: route.roles ? [{ bearerAuth: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(request.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaOf(request.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** One OpenAPI parameter per property of a path, query or header schema. */
function parametersOf(
  schema: z.ZodMiniObject | undefined,
  where: "path" | "query" | "header",
  schemaOf: SchemaOf,
): object[] {
  if (!schema) return [];
  const json = schemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * Every schema the routes use, in JSON Schema: the named components, and a lookup for the routes' own
 * schemas (a `$ref` for a named one, the schema itself otherwise).
 */
function documentSchemas(routes: readonly RouteSpec[]): {
  components: Record<string, JsonSchema>;
  of: SchemaOf;
} {
  const components: Record<string, JsonSchema> = {};
  const converted: Record<Io, Map<z.ZodMiniType, JsonSchema>> = { input: new Map(), output: new Map() };
  for (const io of ["output", "input"] as const) {
    const used = [...new Set(routes.flatMap((route) => schemasOf(route, io)))];
    const pass = convert(used, io);
    Object.assign(components, pass.components);
    for (const [i, schema] of used.entries()) converted[io].set(schema, pass.used[i] as JsonSchema);
  }
  return {
    components: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    of: (schema, io) => converted[io].get(schema) as JsonSchema,
  };
}

function schemasOf(route: RouteSpec, io: Io): z.ZodMiniType[] {
  if (io === "output") {
    return Object.values(route.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema));
  }
  const { params, query, headers, body } = route.request ?? {};
  return [params, query, headers, body].filter((schema) => schema !== undefined);
}

/**
 * One direction in one conversion of a zod registry: the named schemas the routes reach are its
 * entries, so zod writes each once and refers to it by `uri` wherever it is used.
 */
function convert(
  used: readonly z.ZodMiniType[],
  io: Io,
): { components: Record<string, JsonSchema>; used: JsonSchema[] } {
  // The routes' own schemas ride as properties of one object, so the same conversion writes them inline
  // (with `$ref`s to the components) without making each one a component.
  const carrier = z.object(Object.fromEntries(used.map((schema, i) => [i, schema])));
  const registry = z.registry<{ id: string }>().add(carrier, { id: ROUTE_SCHEMAS });
  for (const [id, schema] of namedSchemasIn(carrier, io)) {
    registry.add(schema, { id: componentName(id, schema, io) });
  }
  // Transforms and refinements have no JSON Schema form; they are documented by their descriptions.
  const { schemas } = z.toJSONSchema(registry, { io, uri: componentUri, unrepresentable: "any" });
  const { [ROUTE_SCHEMAS]: carried, ...named } = schemas;
  // zod puts what it had to share but could not name (a recursive schema without an id) under this key.
  if ("__shared" in named)
    throw new Error("A recursive schema in the API needs an `id` in `z.globalRegistry`.");
  const properties = (carried as JsonSchema).properties as Record<string, JsonSchema>;
  return {
    components: Object.fromEntries(
      // Each entry comes as a document of its own; in components, neither `$schema` nor `$id` belongs.
      Object.entries(named).map(([name, { $schema: _dialect, $id: _uri, ...schema }]) => [name, schema]),
    ),
    used: used.map((_, i) => properties[i] as JsonSchema),
  };
}

/**
 * The schemas named with an `id` in `z.globalRegistry` inside `schema`, found by zod's own walk of it. Only
 * these become components, rather than every name in the global registry, so the document holds no unused
 * shapes and requests get only the `<Name>Input` variants they refer to.
 */
function namedSchemasIn(schema: z.ZodMiniType, io: Io): Map<string, z.core.$ZodType> {
  const named = new Map<string, z.core.$ZodType>();
  z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // Called once for every schema the conversion visits.
    override: ({ zodSchema }) => {
      const id = z.globalRegistry.get(zodSchema)?.id;
      if (id) named.set(id, zodSchema);
    },
  });
  return named;
}

/**
 * A request refers to the component a response uses when the schema reads the same both ways. When it
 * does not (defaults still optional, a transform's input, unknown keys tolerated), requests get their own
 * `<Name>Input`.
 */
function componentName(id: string, schema: z.core.$ZodType, io: Io): string {
  if (io === "output") return id;
  const as = (io: Io) => JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any" }));
  return as("input") === as("output") ? id : `${id}Input`;
}
