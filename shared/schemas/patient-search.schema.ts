import * as z from "zod/mini";
import { nameSearchPrefix } from "../domain/patient-lookup.js";
import { emailSchema, nameSchema, phoneSchema } from "./common.schema.js";
import { patientSchema } from "./patient.schema.js";

export const PATIENT_SEARCH_DEFAULT_LIMIT = 20;
export const PATIENT_SEARCH_MAX_LIMIT = 50;

const LOOKUPS = ["name", "phone", "email"] as const;

/**
 * `GET /patients`: by the start of the last name, optionally followed by the first name ("garcia",
 * "Garcia, Mar"), by phone number (its last 10 digits), or by the whole email address. Exactly one.
 */
export const patientSearchQuerySchema = z
  .strictObject({
    name: z
      .optional(
        nameSchema.check(
          z.refine((s) => nameSearchPrefix(s).length > 0, { message: "must contain a letter or a digit" }),
        ),
      )
      .register(z.globalRegistry, {
        description: 'Start of "last name, first name"; case, accents and punctuation are ignored.',
      }),
    phone: z.optional(phoneSchema).register(z.globalRegistry, {
      description: "Any way of writing it; the last 10 digits are compared (a caller ID will do).",
    }),
    email: z
      .optional(emailSchema)
      .register(z.globalRegistry, { description: "The whole address; case is ignored." }),
    limit: z
      .optional(
        z.pipe(
          z.pipe(
            z.string().check(z.regex(/^\d+$/, { message: "must be a whole number", abort: true })),
            z.transform(Number),
          ),
          z.number().check(z.minimum(1), z.maximum(PATIENT_SEARCH_MAX_LIMIT)),
        ),
      )
      .register(z.globalRegistry, {
        description: `At most this many patients (1-${PATIENT_SEARCH_MAX_LIMIT}, default ${PATIENT_SEARCH_DEFAULT_LIMIT}).`,
      }),
  })
  .check(
    z.superRefine((q, ctx) => {
      const given = LOOKUPS.filter((k) => q[k] !== undefined);
      if (given.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["name"],
          message: "give a name, a phone number or an email to search by",
        });
      }
      // The second lookup is the one at fault: the first alone would have been a fine search.
      if (given.length > 1) {
        ctx.addIssue({
          code: "custom",
          path: [given[1]!],
          message: `search by one of ${LOOKUPS.join(", ")}, not several`,
        });
      }
    }),
  );

export const patientSearchResultSchema = z.object({
  patients: z.array(patientSchema),
  more: z.boolean().register(z.globalRegistry, {
    description: "More patients match than were returned: narrow the search.",
  }),
});
