import * as z from "zod/mini";
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
  phone: z.optional(phoneSchema),
  /** Defaults to the clinic's zone. */
  timezone: z.optional(ianaZoneSchema),
  emailConsent: z.boolean(),
  remsEnrolled: z.optional(z.boolean()),
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
    firstName: z.optional(nameSchema),
    lastName: z.optional(nameSchema),
    email: z.optional(emailSchema),
    phone: z.optional(phoneSchema),
    timezone: z.optional(ianaZoneSchema),
    emailConsent: z.optional(z.boolean()),
    remsEnrolled: z.optional(z.boolean()),
    boosterOptOut: z.optional(z.boolean()),
  })
  .check(
    z.refine((body) => Object.values(body).some((v) => v !== undefined), {
      message: "must change at least one field",
      // An unknown field is the error to report; "nothing to change" would only add noise.
      when: (payload) => payload.issues.length === 0,
    }),
  );
export type PatchPatientBody = z.infer<typeof patchPatientBodySchema>;

export const emailStatusSchema = z.enum(["ok", "bounced", "complained"]);

export const patientSchema = z
  .object({
    id: idSchema,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.optional(z.string()),
    timezone: z.string(),
    emailConsent: z.boolean(),
    remsEnrolled: z.boolean(),
    emailStatus: emailStatusSchema,
    eligibleProtocols: z.array(protocolIdSchema),
    lastSeriesProtocolId: z.optional(protocolIdSchema),
    boosterOptOut: z.optional(z.boolean()),
    lastDosingOn: z.optional(dateSchema).register(z.globalRegistry, {
      readOnly: true,
      description:
        "The clinic-local date of the latest protocol session or booster recorded `completed`: more than the clinic's `lapseDays` before a new booster or series, that booking needs a new consultation outcome first. Kept by attendance; not settable.",
    }),
    eligibilityRecordedAt: z.optional(utcInstantSchema).register(z.globalRegistry, {
      readOnly: true,
      description:
        "When the latest consultation outcome set `eligibleProtocols`; one recorded after `lastDosingOn` lifts a lapse. Kept by outcomes; not settable.",
    }),
    version: z.int(),
    createdAt: utcInstantSchema,
    updatedAt: utcInstantSchema,
  })
  .register(z.globalRegistry, { id: "Patient" });
export type PatientResponse = z.infer<typeof patientSchema>;
