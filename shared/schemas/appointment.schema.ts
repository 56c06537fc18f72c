import * as z from "zod/mini";
import { CONFIRMATIONS, REMINDER_KINDS } from "../domain/types.js";
import {
  dateRangeFields,
  dateSchema,
  idSchema,
  instantSchema,
  notesSchema,
  protocolIdSchema,
  reasonSchema,
  serviceIdSchema,
  utcInstantSchema,
} from "./common.schema.js";
import { remsFormRecordSchema } from "./rems-form.schema.js";
import { staffAssignmentSchema } from "./staff.schema.js";

export const createAppointmentBodySchema = z.strictObject({
  patientId: idSchema,
  service: serviceIdSchema,
  start: instantSchema,
});
export type CreateAppointmentBody = z.infer<typeof createAppointmentBodySchema>;

export const cancelAppointmentBodySchema = z.strictObject({ reason: z.optional(reasonSchema) });
export type CancelAppointmentBody = z.infer<typeof cancelAppointmentBodySchema>;

export const rescheduleAppointmentBodySchema = z.strictObject({
  start: instantSchema,
  /**
   * People not to assign (staff ids): hands the session to someone else free then, for instance before a
   * nurse is made inactive. The same `start` moves nobody's time, only the people.
   */
  withoutStaff: z.optional(z.array(idSchema).check(z.maxLength(10))),
});
export type RescheduleAppointmentBody = z.infer<typeof rescheduleAppointmentBodySchema>;

/** A consultation's outcome: eligibility names the protocols, ineligibility names none. */
export const outcomeBodySchema = z
  .strictObject({
    eligible: z.boolean(),
    protocols: z.optional(
      z.array(protocolIdSchema).check(
        z.maxLength(protocolIdSchema.options.length),
        z.refine((ids) => new Set(ids).size === ids.length, { message: "must not repeat a protocol" }),
      ),
    ),
    notes: z.optional(notesSchema),
  })
  .check(
    z.superRefine((body, ctx) => {
      const count = body.protocols?.length ?? 0;
      if (body.eligible && count === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["protocols"],
          message: "an eligible outcome names at least one protocol",
        });
      }
      if (!body.eligible && count > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["protocols"],
          message: "an ineligible outcome names no protocols",
        });
      }
    }),
  );
export type OutcomeBody = z.infer<typeof outcomeBodySchema>;

export const attendanceBodySchema = z.strictObject({ status: z.enum(["completed", "no-show"]) });
export type AttendanceBody = z.infer<typeof attendanceBodySchema>;

export const confirmationSchema = z.enum(CONFIRMATIONS).register(z.globalRegistry, {
  id: "Confirmation",
  description:
    "Whether the patient has said they will come: `unconfirmed` from booking (and after a move), `confirmed` once they pressed Confirm in an email.",
});

/** `GET /appointments`: the clinic's agenda, up to a quarter at a time; `confirmation` narrows it. */
export const agendaQuerySchema = dateRangeFields({ confirmation: z.optional(confirmationSchema) }, 93);
export type AgendaQuery = z.infer<typeof agendaQuerySchema>;

export const reminderSchema = z
  .object({
    id: z.string(),
    kind: z.enum(REMINDER_KINDS),
    dueAt: utcInstantSchema,
    status: z.enum(["scheduled", "sent", "skipped", "cancelled", "failed"]),
    reason: z.optional(z.string()),
    sentAt: z.optional(utcInstantSchema),
    messageId: z.optional(z.string()),
    /** Reschedule notices: the start the appointment moved from. */
    previousStart: z.optional(z.iso.datetime()),
    /** A cancellation notice worded for a clinic closure: it says the clinic will call to find a new time. */
    notice: z.optional(z.enum(["clinic-closure"])),
    /** A copy staff asked for: the id of the reminder it copies. */
    resendOf: z.optional(z.string()),
    /** Bumped by every change to the reminder (0: stored before versions existed). */
    version: z.int().check(z.minimum(0)),
  })
  .register(z.globalRegistry, { id: "Reminder" });

export const consultationOutcomeSchema = z
  .object({
    eligible: z.boolean(),
    protocols: z.array(protocolIdSchema),
    notes: z.optional(z.string()),
    recordedAt: utcInstantSchema,
    recordedBy: z.string(),
  })
  .register(z.globalRegistry, { id: "ConsultationOutcome" });

export const appointmentSchema = z
  .object({
    id: idSchema,
    patientId: idSchema,
    service: serviceIdSchema,
    protocolId: z.optional(protocolIdSchema),
    resource: z.enum(["chair", "office"]),
    start: utcInstantSchema,
    end: utcInstantSchema,
    status: z.enum(["booked", "cancelled", "completed", "no-show"]),
    /** The clinic-local date it is filed under (its agenda day); absent on one stored before the agenda. */
    date: z.optional(dateSchema),
    confirmation: confirmationSchema,
    seriesId: z.optional(idSchema),
    sequence: z.optional(z.int().check(z.minimum(1))),
    /** Who staffs it; absent in a clinic that had entered no staff when it was booked. */
    staff: z.optional(z.array(staffAssignmentSchema)),
    reminders: z.array(reminderSchema),
    outcome: z.optional(consultationOutcomeSchema),
    /** A completed esketamine session's monitoring form, once a clinician recorded it. */
    remsForm: z.optional(remsFormRecordSchema),
    cancelReason: z.optional(z.string()),
    /** Set when the clinic called it off by closing the day (POST /closures), or the patient from an email's link. */
    cancelledBy: z.optional(z.enum(["clinic-closure", "patient"])),
    version: z.int(),
    createdAt: utcInstantSchema,
    updatedAt: utcInstantSchema,
  })
  .register(z.globalRegistry, { id: "Appointment" });
export type AppointmentResponse = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z
  .object({ appointments: z.array(appointmentSchema) })
  .register(z.globalRegistry, { id: "AppointmentList" });
export type AppointmentList = z.infer<typeof appointmentListSchema>;
