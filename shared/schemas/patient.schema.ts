import * as z from "zod";
import {
  dateSchema,
  emailSchema,
  ianaZoneSchema,
  idSchema,
  nameSchema,
  phoneSchema,
  protocolIdSchema,
  utcInstantSchema,
} from "./common.schema.js";

export const createPatientBodySchema = z.strictObject({
  firstName: nameSchema,
  lastName: nameSchema,
  email: emailSchema,
  phone: phoneSchema.optional(),
  /** Defaults to the clinic's zone. */
  timezone: ianaZoneSchema.optional(),
  emailConsent: z.boolean(),
  remsEnrolled: z.boolean().optional(),
});
export type CreatePatientBody = z.infer<typeof createPatientBodySchema>;

/**
 * What staff may change on a patient. Not `emailStatus` (SES bounce and complaint events own it;
 * a correction of the address is the way back to `ok`), not `eligibleProtocols` or
 * `eligibilityRecordedAt` (only a clinician's consultation outcome grants eligibility) and not
 * `lastDosingOn` (only attendance records a dose): being strict, the schema refuses them by name. `boosterOptOut` is here so staff can honour
 * a patient who asks by phone to stop, or to resume, booster invitations.
 */
export const patchPatientBodySchema = z
  .strictObject({
    firstName: nameSchema.optional(),
    lastName: nameSchema.optional(),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    timezone: ianaZoneSchema.optional(),
    emailConsent: z.boolean().optional(),
    remsEnrolled: z.boolean().optional(),
    boosterOptOut: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: "must change at least one field",
    // An unknown field is the error to report; "nothing to change" would only add noise.
    when: (payload) => payload.issues.length === 0,
  });
export type PatchPatientBody = z.infer<typeof patchPatientBodySchema>;

export const emailStatusSchema = z.enum(["ok", "bounced", "complained"]);

export const patientSchema = z
  .object({
    id: idSchema,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
    timezone: z.string(),
    emailConsent: z.boolean(),
    remsEnrolled: z.boolean(),
    emailStatus: emailStatusSchema,
    eligibleProtocols: z.array(protocolIdSchema),
    lastSeriesProtocolId: protocolIdSchema.optional(),
    boosterOptOut: z.boolean().optional(),
    lastDosingOn: dateSchema.optional().meta({
      readOnly: true,
      description:
        "The clinic-local date of the latest protocol session or booster recorded `completed`: more than the clinic's `lapseDays` before a new booster or series, that booking needs a new consultation outcome first. Kept by attendance; not settable.",
    }),
    eligibilityRecordedAt: utcInstantSchema.optional().meta({
      readOnly: true,
      description:
        "When the latest consultation outcome set `eligibleProtocols`; one recorded after `lastDosingOn` lifts a lapse. Kept by outcomes; not settable.",
    }),
    version: z.int(),
    createdAt: utcInstantSchema,
    updatedAt: utcInstantSchema,
  })
  .meta({ id: "Patient" });
export type PatientResponse = z.infer<typeof patientSchema>;
