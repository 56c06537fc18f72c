import * as z from "zod/mini";

/** `GET /openapi.json`: described only by its outline; the OpenAPI 3.1 schema says the rest. */
export const openApiDocumentSchema = z
  .catchall(
    z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) }),
    z.unknown(),
  )
  .register(z.globalRegistry, { description: "An OpenAPI 3.1 document." });
