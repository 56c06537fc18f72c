import * as z from "zod/mini";
import { clinicSchema } from "../domain/clinic.js";
import { HIDDEN_OR_CONTROL, HIDDEN_OR_CONTROL_MESSAGE } from "../domain/plain-text.js";
import { protocolSchema } from "../domain/protocol.js";

// The one-line settings that reach emails. Checked on the way in, not when stored settings are read, so
// a clinic saved before this rule still loads.
const ONE_LINE_SETTINGS = ["name", "subjectName", "phone", "address"] as const;

// One named copy of the domain schema for both directions, so the document can refer to it by name.
const namedClinicSchema = clinicSchema
  .check(
    z.superRefine((clinic, ctx) => {
      for (const field of ONE_LINE_SETTINGS) {
        if (HIDDEN_OR_CONTROL.test(clinic[field] ?? ""))
          ctx.addIssue({ code: "custom", path: [field], message: HIDDEN_OR_CONTROL_MESSAGE });
      }
    }),
  )
  .register(z.globalRegistry, { id: "Clinic" });

/** `PUT /clinic` replaces the settings; optional ones left out take their defaults. */
export const putClinicBodySchema = namedClinicSchema;
export type PutClinicBody = z.input<typeof putClinicBodySchema>;

/** A clinic as the API returns it: every setting filled in. */
export const clinicResponseSchema = namedClinicSchema;
export type ClinicResponse = z.output<typeof clinicResponseSchema>;

/**
 * A protocol as this clinic runs it (defaults with the clinic's tuned numbers). A named copy: the domain's
 * protocolSchema itself stays unnamed.
 */
export const protocolResponseSchema = protocolSchema.clone().register(z.globalRegistry, { id: "Protocol" });
export const protocolListSchema = z.object({ protocols: z.array(protocolResponseSchema) });
export type ProtocolList = z.infer<typeof protocolListSchema>;
