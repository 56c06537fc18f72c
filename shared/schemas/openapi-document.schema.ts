import * as z from "zod";

/** `GET /openapi.json`: described only by its outline; the OpenAPI 3.1 schema says the rest. */
export const openApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) })
  .catchall(z.unknown())
  .meta({ description: "An OpenAPI 3.1 document." });
