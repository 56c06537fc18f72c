import * as z from "zod";
import { dateRangeFields, serviceIdSchema, utcInstantSchema } from "./common.schema.js";

/** `GET /availability`: one month of free starts at most, so a request stays cheap. */
export const availabilityQuerySchema = dateRangeFields({ service: serviceIdSchema }, 31);
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

export const slotSchema = z.object({ start: utcInstantSchema, end: utcInstantSchema });
export const slotsSchema = z.object({ slots: z.array(slotSchema) });
export type Slots = z.infer<typeof slotsSchema>;
