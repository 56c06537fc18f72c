import * as z from "zod/mini";
import { appointmentSchema } from "./appointment.schema.js";
import { dateSchema, reasonSchema } from "./common.schema.js";

/** `POST /closures`: the date, and why, for staff (never in an email or a log). */
export const closureBodySchema = z.strictObject({
  date: dateSchema.clone().register(z.globalRegistry, {
    description: "The clinic-local date to close, YYYY-MM-DD: today or later.",
  }),
  reason: reasonSchema
    .check(z.minLength(1, { message: "must say why, for staff" }))
    .register(z.globalRegistry, {
      description: "Why the clinic closes, for staff: stored on each cancelled appointment.",
    }),
});
export type ClosureBody = z.infer<typeof closureBodySchema>;

export const closureResultSchema = z
  .object({ date: dateSchema, cancelled: z.array(appointmentSchema) })
  .register(z.globalRegistry, { id: "Closure" });
