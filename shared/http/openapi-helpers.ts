import * as z from "zod/mini";
import { problemSchema } from "../schemas/problem.schema.js";

export const jsonContent = <T extends z.ZodMiniType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An HTML page for people (route spec `page`); the document says only that it is HTML. */
export const htmlContent = (description: string) => ({
  description,
  content: {
    "text/html": { schema: z.string().register(z.globalRegistry, { description: "An HTML page." }) },
  },
});

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/**
 * Problem responses by status. The calls below are marked pure so that a Lambda bundle, which drops the
 * routes' docs and with them every use of these (route-table.ts, `describe`), drops them too.
 */
const problems = (descriptions: Record<number, string>): Record<number, ReturnType<typeof problem>> =>
  Object.fromEntries(Object.entries(descriptions).map(([status, d]) => [status, problem(d)]));

const TOO_LARGE = "The request body is larger than 64 KB.";

/** Any route, whatever its method: the app refuses a body over 64 KB before it is read. */
export const tooLarge = /* @__PURE__ */ problems({ 413: TOO_LARGE });

/** The errors every authenticated route can answer with. */
export const commonErrors = /* @__PURE__ */ problems({
  400: "The request does not match the schema; `errors` names each field at fault.",
  401: "No token, a bad signature, or an expired token.",
  403: "The token's role may not do this.",
  413: TOO_LARGE,
});
export const notFound = /* @__PURE__ */ problems({ 404: "Unknown id." });
export const conflict = /* @__PURE__ */ problems({
  409: "Capacity taken, or the object's state forbids the action.",
});
export const unprocessable = /* @__PURE__ */ problems({
  422: "A clinical or calendar rule forbids it; `detail` says which.",
});

export const idParam = z.object({
  id: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))
    .register(z.globalRegistry, { description: "Opaque id chosen by the server." }),
});

export const idempotencyHeader = z.object({
  "idempotency-key": z
    .optional(z.string().check(z.minLength(1), z.maxLength(255)))
    .register(z.globalRegistry, {
      description: "A repeat with the same key and body returns the first response and creates nothing.",
    }),
});
