import * as z from "zod/mini";
import { appointmentSchema } from "./appointment.schema.js";
import {
  idSchema,
  instantSchema,
  protocolIdSchema,
  reasonSchema,
  utcInstantSchema,
} from "./common.schema.js";

export const createSeriesBodySchema = z.strictObject({
  patientId: idSchema,
  protocolId: protocolIdSchema,
  /** The first session; the rest follow the protocol's spacing at the same local time where they can. */
  start: instantSchema,
});
export type CreateSeriesBody = z.infer<typeof createSeriesBodySchema>;

export const cancelSeriesBodySchema = z.strictObject({ reason: z.optional(reasonSchema) });
export type CancelSeriesBody = z.infer<typeof cancelSeriesBodySchema>;

export const seriesSchema = z
  .object({
    id: idSchema,
    patientId: idSchema,
    protocolId: protocolIdSchema,
    status: z.enum(["active", "completed", "cancelled"]),
    sessions: z.array(appointmentSchema),
    /** KAP's integration sessions (office, therapist), booked with the series, by start. */
    integrationSessions: z.optional(z.array(appointmentSchema)),
    cancelReason: z.optional(z.string()),
    createdAt: utcInstantSchema,
  })
  .register(z.globalRegistry, { id: "Series" });
export type SeriesResponse = z.infer<typeof seriesSchema>;

/** `POST /series/preview`: where each session would go, if the series were booked now. */
export const seriesPreviewSchema = z
  .object({
    sessions: z.array(
      z.object({ sequence: z.int().check(z.minimum(1)), start: utcInstantSchema, end: utcInstantSchema }),
    ),
    /** Integration sessions the series would book, each after the dosing session `after`. */
    integrationSessions: z.optional(
      z.array(
        z.object({ after: z.int().check(z.minimum(1)), start: utcInstantSchema, end: utcInstantSchema }),
      ),
    ),
  })
  .register(z.globalRegistry, { id: "SeriesPreview" });
