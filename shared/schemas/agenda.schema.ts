import * as z from "zod";
import { confirmationSchema } from "./appointment.schema.js";
import { dateSchema, idSchema, serviceIdSchema, utcInstantSchema } from "./common.schema.js";
import { staffAssignmentSchema } from "./staff.schema.js";

/** `GET /agenda`: one clinic-local date, or none for the clinic's today. */
export const dayAgendaQuerySchema = z.strictObject({
  date: dateSchema.optional().meta({
    description:
      "A date on the clinic's calendar, YYYY-MM-DD. Without it, the clinic's today by the API's clock.",
  }),
});

export const agendaEntrySchema = z
  .object({
    appointmentId: idSchema,
    start: utcInstantSchema,
    end: utcInstantSchema,
    service: serviceIdSchema,
    status: z.enum(["booked", "cancelled", "completed", "no-show"]),
    patient: z.object({ id: idSchema, firstName: z.string(), lastName: z.string() }),
    seriesId: idSchema.optional(),
    sequence: z.int().min(1).optional(),
    sessionsInSeries: z.int().min(1).optional(),
    confirmation: confirmationSchema,
    /** Who staffs it, by the names on the roster today. */
    staff: z.array(staffAssignmentSchema).optional(),
  })
  .meta({ id: "AgendaEntry" });

export const agendaSchema = z
  .object({
    date: dateSchema,
    timezone: z.string(),
    closed: z.boolean(),
    hours: z.array(z.object({ open: z.string(), close: z.string() })),
    lanes: z.array(
      z.object({
        resource: z.enum(["chair", "office"]),
        number: z.int().min(1),
        entries: z.array(agendaEntrySchema),
      }),
    ),
    cancelled: z.array(agendaEntrySchema),
  })
  .meta({ id: "Agenda" });

/** `POST /agenda/backfill`: one UTC month of appointments stored before they carried their date. */
export const agendaBackfillBodySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "must be a month as YYYY-MM" })
    .meta({ description: "A UTC month, YYYY-MM: the appointments starting in it are filed." }),
});

export const agendaBackfillResultSchema = z.object({
  month: z.string(),
  filed: z.int().min(0).meta({ description: "Appointments filed by this request (0 when run again)." }),
});
