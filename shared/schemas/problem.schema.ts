import * as z from "zod/mini";

export const fieldErrorSchema = z
  .object({
    /** Dot-separated path into the body or query ("hours.mon.0.close"); "" for the whole document. */
    path: z.string(),
    message: z.string(),
  })
  .register(z.globalRegistry, { id: "FieldError" });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, served as application/problem+json. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().check(z.minimum(400), z.maximum(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    errors: z.optional(z.array(fieldErrorSchema)),
  })
  .register(z.globalRegistry, { id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

/**
 * A failed parse as `{ path, message }` entries. An unknown field is reported at its own path, so
 * the client sees which field to remove rather than an error on the whole body.
 */
export function fieldErrors(error: z.core.$ZodError, where?: string): FieldError[] {
  // `where` names the request part for query and path parameters ("query.from"); body fields go bare.
  const join = (parts: string[]) => [where, ...parts].filter(Boolean).join(".") || "(body)";
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: join([...base, key]), message: "is not a known field" }));
    }
    return [{ path: join(base), message: issue.message }];
  });
}
