import * as z from "zod/mini";
import { dateRangeFields, idSchema, utcInstantSchema } from "./common.schema.js";

/**
 * `GET /audit`: one patient's trail or one actor's, over at most a year of clinic-local dates. `next` is the
 * cursor a previous page returned.
 */
export const auditQuerySchema = dateRangeFields(
  {
    patientId: z.optional(idSchema),
    actor: z.optional(
      z
        .string()
        .check(
          z.regex(/^[A-Za-z0-9_:@.-]{1,128}$/, { message: "must be a token subject (1-128 characters)" }),
        ),
    ),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
    next: z.optional(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, { message: "must be the `next` of a previous page" })),
    ),
  },
  366,
).check(
  z.superRefine((q, ctx) => {
    if ((q.patientId === undefined) === (q.actor === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["patientId"],
        message: "give exactly one of patientId and actor",
      });
    }
  }),
);
export type AuditQueryInput = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    at: utcInstantSchema,
    actor: z.string(),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    patientId: z.optional(z.string()),
    status: z.int(),
  })
  .register(z.globalRegistry, { id: "AuditEntry" });

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `next` for the following page; absent on the last one. */
  next: z.optional(z.string()),
});
