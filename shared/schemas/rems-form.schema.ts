import * as z from "zod/mini";
import { HIDDEN_OR_CONTROL, HIDDEN_OR_CONTROL_MESSAGE } from "../domain/plain-text.js";
import { REMS_FORM_STATUSES } from "../domain/rems-form.js";
import { dateSchema, idSchema, instantSchema, utcInstantSchema } from "./common.schema.js";

/** A window of submitted forms a listing may cover: a quarter, as the agenda. */
export const MAX_SUBMITTED_RANGE_DAYS = 93;

export const remsFormRecordSchema = z
  .object({
    submittedAt: utcInstantSchema,
    reference: z.optional(z.string()),
    /** The staff member (token subject) who recorded it. */
    recordedBy: z.string(),
    recordedAt: utcInstantSchema,
  })
  .register(z.globalRegistry, {
    id: "RemsFormRecord",
    description:
      "A completed esketamine session's REMS Patient Monitoring Form, as a clinician recorded it: when it was filed with the program, its reference there, who recorded it here and when.",
  });

/** The program's confirmation number or similar: one short line, nothing hidden. */
const referenceSchema = z.string().check(
  z.trim(),
  z.minLength(1, { message: "must not be empty (leave it out instead)", abort: true }),
  z.maxLength(64, { abort: true }),
  z.refine((s) => !HIDDEN_OR_CONTROL.test(s), { message: HIDDEN_OR_CONTROL_MESSAGE }),
);

export const remsFormBodySchema = z.strictObject({
  submittedAt: instantSchema.clone().register(z.globalRegistry, {
    description:
      "When the form was filed with the REMS program: not in the future, not before the session started.",
  }),
  reference: z
    .optional(referenceSchema)
    .register(z.globalRegistry, { description: "The program's reference for the form." }),
});
export type RemsFormBody = z.infer<typeof remsFormBodySchema>;

export const remsFormStatusSchema = z.enum(REMS_FORM_STATUSES).register(z.globalRegistry, {
  id: "RemsFormStatus",
  description:
    "`due` until the end of the 7th clinic-local day after the session, `overdue` after that, `submitted` once recorded.",
});

/**
 * `GET /rems/monitoring-forms`: one status, or every form still to file (due and overdue) without one.
 * Submitted forms accumulate for good, so their listing is bounded by session dates.
 */
export const remsFormsQuerySchema = z
  .strictObject({
    status: z.optional(remsFormStatusSchema),
    from: z
      .optional(dateSchema)
      .register(z.globalRegistry, { description: "Submitted only: first session date (with `to`)." }),
    to: z
      .optional(dateSchema)
      .register(z.globalRegistry, { description: "Submitted only: last session date (with `from`)." }),
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.status !== "submitted") {
        for (const field of ["from", "to"] as const)
          if (q[field] !== undefined)
            ctx.addIssue({ code: "custom", path: [field], message: "applies to status=submitted only" });
        return;
      }
      if ((q.from === undefined) !== (q.to === undefined)) {
        const missing = q.from === undefined ? "from" : "to";
        ctx.addIssue({ code: "custom", path: [missing], message: "from and to go together" });
      } else if (q.from !== undefined && q.to !== undefined) {
        if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
        else if (daysFrom(q.from, q.to) > MAX_SUBMITTED_RANGE_DAYS)
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: `the range must span at most ${MAX_SUBMITTED_RANGE_DAYS} days`,
          });
      }
    }),
  );
export type RemsFormsQuery = z.infer<typeof remsFormsQuerySchema>;

/** Inclusive days between two valid dates. */
function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const remsFormListSchema = z
  .object({
    forms: z.array(
      z
        .object({
          appointmentId: idSchema,
          patientId: idSchema,
          sessionDate: dateSchema,
          dueBy: utcInstantSchema,
          status: remsFormStatusSchema,
          submittedAt: z.optional(utcInstantSchema),
        })
        .register(z.globalRegistry, { id: "RemsMonitoringForm" }),
    ),
  })
  .register(z.globalRegistry, { id: "RemsMonitoringFormList" });
export type RemsFormList = z.infer<typeof remsFormListSchema>;
