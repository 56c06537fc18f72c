import * as z from "zod";
import type { RouteSpec } from "./route-table.js";

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document for the given routes. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
 * what zod's own converter writes; requests are described as clients send them (`io: "input"`),
 * responses as the server produces them.
 */
export function openApiDocument(
  routes: readonly RouteSpec[],
  info: DocumentInfo,
  options: { serverUrl?: string; securitySchemes?: Record<string, object> } = {},
): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, object>)[route.method] = operation(route);
  }
  const tags = [...new Set(routes.flatMap((r) => r.tags))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info,
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags,
    paths,
    ...(options.securitySchemes ? { components: { securitySchemes: options.securitySchemes } } : {}),
  };
}

function operation(route: RouteSpec): object {
  const request = route.request ?? {};
  const parameters = [
    ...parametersOf(request.params, "path"),
    ...parametersOf(request.query, "query"),
    ...parametersOf(request.headers, "header"),
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
                  { schema: jsonSchema(schema, "output") },
                ]),
              ),
            }
          : {}),
      },
    ]),
  );
  return {
    tags: route.tags,
    ...(route.summary ? { summary: route.summary } : {}),
    ...(route.roles ? { security: [{ bearerAuth: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(request.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(request.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** One OpenAPI parameter per property of a path, query or header schema. */
function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query" | "header"): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, "input");
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

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // Transforms and refinements have no JSON Schema form; they are documented by their descriptions.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return json;
}
