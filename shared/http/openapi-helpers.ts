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

// The responses below are functions, not objects, so that a Lambda bundle, which drops the routes' docs
// (route-table.ts, `describe`), does not build them either.

/** Any route, whatever its method: the app refuses a body over 64 KB before it is read. */
export const tooLarge = () => ({ 413: problem("The request body is larger than 64 KB.") });

/** The errors every authenticated route can answer with. */
export const commonErrors = () => ({
  400: problem("The request does not match the schema; `errors` names each field at fault."),
  401: problem("No token, a bad signature, or an expired token."),
  403: problem("The token's role may not do this."),
  ...tooLarge(),
});
export const notFound = () => ({ 404: problem("Unknown id.") });
export const conflict = () => ({ 409: problem("Capacity taken, or the object's state forbids the action.") });
export const unprocessable = () => ({
  422: problem("A clinical or calendar rule forbids it; `detail` says which."),
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
