import * as z from "zod/mini";
import { dateRangeFields, idSchema, serviceIdSchema, utcInstantSchema } from "./common.schema.js";

/**
 * `GET /availability`: one month of free starts at most, so a request stays cheap. Either for a service,
 * or for moving one booked appointment (`forAppointment`: its own service and length, its series' spacing).
 */
export const availabilityQuerySchema = dateRangeFields(
  {
    service: z.optional(serviceIdSchema),
    forAppointment: z.optional(idSchema).register(z.globalRegistry, {
      description: "A booked appointment to move: starts a reschedule of it would accept.",
    }),
  },
  31,
).check(
  z.superRefine((q, ctx) => {
    const given = [q.service, q.forAppointment].filter((v) => v !== undefined).length;
    if (given !== 1) {
      const message =
        given === 0 ? "give a service, or forAppointment" : "give either service or forAppointment";
      ctx.addIssue({
        code: "custom",
        path: [q.service === undefined ? "service" : "forAppointment"],
        message,
      });
    }
  }),
);
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

export const slotSchema = z.object({ start: utcInstantSchema, end: utcInstantSchema });
export const slotsSchema = z.object({ slots: z.array(slotSchema) });
export type Slots = z.infer<typeof slotsSchema>;
