import * as z from "zod/mini";
import { confirmationSchema } from "./appointment.schema.js";
import { dateSchema, idSchema, serviceIdSchema, utcInstantSchema } from "./common.schema.js";
import { staffAssignmentSchema } from "./staff.schema.js";

/** `GET /agenda`: one clinic-local date, or none for the clinic's today. */
export const dayAgendaQuerySchema = z.strictObject({
  date: z.optional(
    dateSchema.clone().register(z.globalRegistry, {
      description:
        "A date on the clinic's calendar, YYYY-MM-DD. Without it, the clinic's today by the API's clock.",
    }),
  ),
});

export const agendaEntrySchema = z
  .object({
    appointmentId: idSchema,
    start: utcInstantSchema,
    end: utcInstantSchema,
    service: serviceIdSchema,
    status: z.enum(["booked", "cancelled", "completed", "no-show"]),
    patient: z.object({ id: idSchema, firstName: z.string(), lastName: z.string() }),
    seriesId: z.optional(idSchema),
    sequence: z.optional(z.int().check(z.minimum(1))),
    sessionsInSeries: z.optional(z.int().check(z.minimum(1))),
    confirmation: confirmationSchema,
    /** Who staffs it, by the names on the roster today. */
    staff: z.optional(z.array(staffAssignmentSchema)),
  })
  .register(z.globalRegistry, { id: "AgendaEntry" });

export const agendaSchema = z
  .object({
    date: dateSchema,
    timezone: z.string(),
    closed: z.boolean(),
    hours: z.array(z.object({ open: z.string(), close: z.string() })),
    lanes: z.array(
      z.object({
        resource: z.enum(["chair", "office"]),
        number: z.int().check(z.minimum(1)),
        entries: z.array(agendaEntrySchema),
      }),
    ),
    cancelled: z.array(agendaEntrySchema),
  })
  .register(z.globalRegistry, { id: "Agenda" });

/** `POST /agenda/backfill`: one UTC month of appointments stored before they carried their date. */
export const agendaBackfillBodySchema = z.strictObject({
  month: z
    .string()
    .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "must be a month as YYYY-MM" }))
    .register(z.globalRegistry, {
      description: "A UTC month, YYYY-MM: the appointments starting in it are filed.",
    }),
});

export const agendaBackfillResultSchema = z.object({
  month: z.string(),
  filed: z
    .int()
    .check(z.minimum(0))
    .register(z.globalRegistry, { description: "Appointments filed by this request (0 when run again)." }),
});
