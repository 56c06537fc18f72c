import * as z from "zod";
import { nameSearchPrefix } from "../domain/name-search.js";
import { emailSchema, nameSchema } from "./common.schema.js";
import { patientSchema } from "./patient.schema.js";

export const PATIENT_SEARCH_DEFAULT_LIMIT = 20;
export const PATIENT_SEARCH_MAX_LIMIT = 50;

/**
 * `GET /patients`: by the start of the last name, optionally followed by the first name ("garcia",
 * "Garcia, Mar"), or by the whole email address. Exactly one of the two.
 */
export const patientSearchQuerySchema = z
  .strictObject({
    name: nameSchema
      .refine((s) => nameSearchPrefix(s).length > 0, { message: "must contain a letter or a digit" })
      .optional()
      .meta({ description: 'Start of "last name, first name"; case, accents and punctuation are ignored.' }),
    email: emailSchema.optional().meta({ description: "The whole address; case is ignored." }),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, { message: "must be a whole number", abort: true })
      .transform(Number)
      .pipe(z.number().min(1).max(PATIENT_SEARCH_MAX_LIMIT))
      .optional()
      .meta({
        description: `At most this many patients (1-${PATIENT_SEARCH_MAX_LIMIT}, default ${PATIENT_SEARCH_DEFAULT_LIMIT}).`,
      }),
  })
  .superRefine((q, ctx) => {
    if (q.name !== undefined && q.email !== undefined) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "search by name or by email, not both" });
    } else if (q.name === undefined && q.email === undefined) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "give a name or an email to search by" });
    }
  });
export type PatientSearchQuery = z.infer<typeof patientSearchQuerySchema>;

export const patientSearchResultSchema = z.object({
  patients: z.array(patientSchema),
  /** More patients match than were returned: the front desk should narrow the search. */
  more: z.boolean(),
});
