import * as z from "zod/mini";
import { intIn, numberIn } from "./number-schemas.js";
import { staffNeedsSchema } from "./staff-needs.js";
import { PROTOCOL_IDS } from "./types.js";

/**
 * One run of sessions with the same spacing. A protocol is one or more phases in order
 * (esketamine: twice weekly for 4 weeks, then weekly for 4).
 */
export const spacingPhaseSchema = z.strictObject({
  sessions: intIn(1, 24),
  /** Elapsed hours from the previous session's start, at least. Pharmacology counts real hours, so DST does not bend it. */
  minGapHours: numberIn(0, 24 * 60),
  /** Elapsed hours from the previous session's start, at most. */
  maxGapHours: z.optional(numberIn(1, 24 * 90)),
  /** The gap the planner aims for, in calendar days in the clinic's zone (same local time); defaults to the minimum. */
  preferredGapDays: z.optional(intIn(1, 90)),
  /**
   * Sessions per calendar week, weeks counted in 7-day blocks from the phase's first week.
   * With it, the phase lasts sessions / perWeek weeks and each week holds exactly perWeek sessions.
   */
  perWeek: z.optional(intIn(1, 7)),
});
export type SpacingPhase = z.infer<typeof spacingPhaseSchema>;

export const protocolSchema = z.strictObject({
  id: z.enum(PROTOCOL_IDS),
  /** Staff-facing name. Never used in an email subject. */
  name: z.string(),
  /** Neutral, patient-facing label used in emails ("treatment session"). */
  patientLabel: z.string(),
  sessionMinutes: intIn(15, 600),
  sessions: intIn(1, 24),
  spacing: z.strictObject({
    phases: z.array(spacingPhaseSchema).check(z.minLength(1)),
    /** Every session starts within this many days of the first session's start. */
    windowDays: z.optional(intIn(1, 180)),
  }),
  fasting: z.strictObject({
    /** No solid food during this many hours before the start. */
    solidFoodHours: numberIn(0, 24),
    /** Liquids stop this many hours before the start. */
    liquidsHours: numberIn(0, 24),
    /** "clear": only clear liquids are allowed until the liquids cut-off; "any": any drink until then. */
    liquidsKind: z.enum(["clear", "any"]),
  }),
  transport: z.strictObject({
    /** Someone must drive the patient home. */
    driverRequired: z.boolean(),
    /** No driving until the next day ("next-day") or the next day after a night's sleep. */
    noDrivingUntil: z.enum(["next-day", "next-day-after-sleep"]),
  }),
  booster: z.strictObject({
    /** Days after the series' last session when the patient is invited to book a booster. */
    afterDays: intIn(1, 365),
  }),
  /** Esketamine: the patient must be enrolled in the REMS programme. */
  remsRequired: z.boolean(),
  /** Who each session (and each booster) needs, for its whole duration, when the clinic has entered staff. */
  staff: staffNeedsSchema,
  /**
   * A series also books one integration session (an office and a therapist) this many clinic-local days
   * after each dosing session, in the same all-or-nothing plan. Absent: no integration sessions.
   */
  integration: z.optional(
    z.strictObject({ minDaysAfter: intIn(1, 14), maxDaysAfter: intIn(1, 14) }).check(
      z.refine((i) => i.minDaysAfter <= i.maxDaysAfter, {
        message: "minDaysAfter must not be after maxDaysAfter",
        path: ["maxDaysAfter"],
      }),
    ),
  ),
  /** Pre-session instruction text, shown in preparation emails. */
  instructions: z.strictObject({
    bring: z.array(z.string()),
    notes: z.array(z.string()),
  }),
});
export type Protocol = z.infer<typeof protocolSchema>;
