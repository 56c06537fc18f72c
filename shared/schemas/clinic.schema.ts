import * as z from "zod";
import { clinicSchema } from "../domain/clinic.js";
import { protocolSchema } from "../domain/protocol.js";

/** `PUT /clinic` replaces the settings; optional ones left out take their defaults. */
export const putClinicBodySchema = clinicSchema;
export type PutClinicBody = z.input<typeof putClinicBodySchema>;

/** A clinic as the API returns it: every setting filled in. */
export const clinicResponseSchema = clinicSchema;
export type ClinicResponse = z.output<typeof clinicResponseSchema>;

/** A protocol as this clinic runs it (defaults with the clinic's tuned numbers). */
export const protocolResponseSchema = protocolSchema;
export const protocolListSchema = z.object({ protocols: z.array(protocolResponseSchema) });
export type ProtocolList = z.infer<typeof protocolListSchema>;
