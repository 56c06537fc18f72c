import * as z from "zod";
import { ONE_PRESCRIBER, ONE_THERAPIST, staffNeedsSchema } from "./staff-needs.js";
import { clockMinutes, isCalendarDate, isClockTime, isIanaZone } from "./time-zone.js";
import { PROTOCOL_IDS } from "./types.js";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ianaZoneSchema = z
  .string()
  .max(64)
  .refine(isIanaZone, { message: "must be an IANA time zone such as America/New_York" });
export const dateSchema = z
  .string()
  .refine(isCalendarDate, { message: "must be a date that exists, as YYYY-MM-DD" });
export const clockTimeSchema = z.string().refine(isClockTime, { message: "must be a time as HH:MM" });

export const openingIntervalSchema = z
  .strictObject({ open: clockTimeSchema, close: clockTimeSchema })
  .refine((i) => clockMinutes(i.open) < clockMinutes(i.close), {
    message: "open must be before close",
    path: ["close"],
  });

const dayHoursSchema = z
  .array(openingIntervalSchema)
  .max(6)
  .refine(
    (intervals) => {
      const sorted = [...intervals].sort((a, b) => clockMinutes(a.open) - clockMinutes(b.open));
      return sorted.every((i, k) => k === 0 || clockMinutes(sorted[k - 1]!.close) <= clockMinutes(i.open));
    },
    { message: "intervals of one day must not overlap" },
  );

export const weeklyHoursSchema = z
  .strictObject({
    mon: dayHoursSchema,
    tue: dayHoursSchema,
    wed: dayHoursSchema,
    thu: dayHoursSchema,
    fri: dayHoursSchema,
    sat: dayHoursSchema,
    sun: dayHoursSchema,
  })
  .meta({ id: "WeeklyHours" });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** Numbers a clinic may tune on a protocol; ids and clinical texts stay as shipped. */
export const protocolOverrideSchema = z.strictObject({
  sessionMinutes: z.int().min(15).max(600).multipleOf(15).optional(),
  sessions: z.int().min(1).max(24).optional(),
  boosterAfterDays: z.int().min(1).max(365).optional(),
  fastingSolidHours: z.number().min(0).max(24).optional(),
  clearLiquidsUntilHours: z.number().min(0).max(24).optional(),
  /** Who each session (and each booster) of the protocol needs; replaces the protocol's list. */
  staff: staffNeedsSchema.optional(),
  /** Book an integration session (office and therapist) 1 to 3 days after each dosing session. */
  integrationSessions: z.boolean().optional(),
});
export type ProtocolOverride = z.infer<typeof protocolOverrideSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const clinicSchema = z.strictObject({
  name: text(120),
  /**
   * The name email subjects and calendar titles use, when the clinic's own name says what it treats
   * ("Ketamine Wellness Center"). PUT /clinic refuses one that names a drug, treatment or diagnosis
   * (domain/subject-privacy.ts). Left out: the name, if it reveals nothing, else "Your clinic".
   */
  subjectName: text(60).optional(),
  timezone: ianaZoneSchema,
  phone: text(40),
  address: text(300),
  chairs: z.int().min(0).max(100),
  offices: z.int().min(0).max(100),
  hours: weeklyHoursSchema,
  closedDates: z.array(dateSchema).max(366),
  /** Nothing is sent to a patient inside these local hours (their zone); a reminder due then moves earlier. */
  quietHours: z
    .strictObject({ start: clockTimeSchema, end: clockTimeSchema })
    .default({ start: "21:00", end: "08:00" }),
  /** How long before the start a patient should arrive. */
  arrivalMinutesBefore: z.int().min(0).max(120).default(15),
  /** Minutes of the non-protocol services. */
  serviceMinutes: z
    .strictObject({
      consultation: z.int().min(15).max(480).multipleOf(15).default(60),
      integration: z.int().min(15).max(480).multipleOf(15).default(60),
      booster: z.int().min(15).max(600).multipleOf(15).default(120),
    })
    .default({ consultation: 60, integration: 60, booster: 120 }),
  /** Per-protocol tuning of the numbers. */
  protocolOverrides: z.partialRecord(z.enum(PROTOCOL_IDS), protocolOverrideSchema).default({}),
  /** How far ahead staff may book. */
  bookingHorizonDays: z.int().min(1).max(730).default(365),
  /**
   * Until how many hours before the start a patient may cancel from the email's link (elapsed hours);
   * later, the page asks them to call, so the front desk can offer the chair and the prepared dose.
   */
  cancellationNoticeHours: z.int().min(0).max(168).default(24),
  /**
   * The booking hold: emails due at booking wait this many minutes, so a booking made by mistake and
   * called off (or moved) at once sends nothing about it.
   */
  notificationDelayMinutes: z.int().min(0).max(60).default(2),
  /** Who the sessions outside a protocol need (a protocol's own sessions: its `staff`). */
  serviceStaff: z
    .strictObject({
      consultation: staffNeedsSchema.default([ONE_PRESCRIBER]),
      integration: staffNeedsSchema.default([ONE_THERAPIST]),
    })
    .default({ consultation: [ONE_PRESCRIBER], integration: [ONE_THERAPIST] }),
  /**
   * A booster or a new series more than this many days after the patient's last dosing session needs a
   * consultation outcome recorded since that session.
   */
  lapseDays: z.int().min(1).max(730).default(90),
  /** The clinic's own address: the daily digest of monitoring forms goes there. Never a patient's. */
  email: z.email().max(254).optional(),
});

export type Clinic = z.infer<typeof clinicSchema>;
export type ClinicInput = z.input<typeof clinicSchema>;

const weekdayHours = [{ open: "08:00", close: "18:00" }];

/**
 * The clinic `npm start` seeds and tests start from: open weekdays 8-18 and Saturday mornings.
 * Written out whole rather than parsed at import: validating the zone loads ICU's time-zone data, about
 * 25 ms of every cold start, in functions that may never need it. test/schemas/clinic.test.ts checks
 * that the schema accepts it unchanged.
 */
export const DEFAULT_CLINIC: Clinic = {
  name: "Riverside Wellness Clinic",
  timezone: "America/New_York",
  phone: "+1 555 010 0100",
  address: "100 Main Street, Suite 200, Springfield, NY 10001",
  chairs: 4,
  offices: 2,
  hours: {
    mon: weekdayHours,
    tue: weekdayHours,
    wed: weekdayHours,
    thu: weekdayHours,
    fri: weekdayHours,
    sat: [{ open: "09:00", close: "13:00" }],
    sun: [],
  },
  closedDates: [],
  quietHours: { start: "21:00", end: "08:00" },
  arrivalMinutesBefore: 15,
  serviceMinutes: { consultation: 60, integration: 60, booster: 120 },
  protocolOverrides: {},
  bookingHorizonDays: 365,
  cancellationNoticeHours: 24,
  notificationDelayMinutes: 2,
  serviceStaff: { consultation: [ONE_PRESCRIBER], integration: [ONE_THERAPIST] },
  lapseDays: 90,
};
