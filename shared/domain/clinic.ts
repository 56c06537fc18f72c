import * as z from "zod/mini";
import { intIn, numberIn } from "./number-schemas.js";
import { ONE_PRESCRIBER, ONE_THERAPIST, staffNeedsSchema } from "./staff-needs.js";
import { clockMinutes, isCalendarDate, isClockTime, isIanaZone } from "./time-zone.js";
import { PROTOCOL_IDS } from "./types.js";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ianaZoneSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.refine(isIanaZone, { message: "must be an IANA time zone such as America/New_York" }),
  );
export const dateSchema = z
  .string()
  .check(z.refine(isCalendarDate, { message: "must be a date that exists, as YYYY-MM-DD" }));
export const clockTimeSchema = z
  .string()
  .check(z.refine(isClockTime, { message: "must be a time as HH:MM" }));

export const openingIntervalSchema = z.strictObject({ open: clockTimeSchema, close: clockTimeSchema }).check(
  z.refine((i) => clockMinutes(i.open) < clockMinutes(i.close), {
    message: "open must be before close",
    path: ["close"],
  }),
);

const dayHoursSchema = z.array(openingIntervalSchema).check(
  z.maxLength(6),
  z.refine(
    (intervals) => {
      const sorted = [...intervals].sort((a, b) => clockMinutes(a.open) - clockMinutes(b.open));
      return sorted.every((i, k) => k === 0 || clockMinutes(sorted[k - 1]!.close) <= clockMinutes(i.open));
    },
    { message: "intervals of one day must not overlap" },
  ),
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
  .register(z.globalRegistry, { id: "WeeklyHours" });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** Minutes in whole quarter hours, from `min` to `max`. */
const quarterHourMinutes = (min: number, max: number) => intIn(min, max).check(z.multipleOf(15));

/** Numbers a clinic may tune on a protocol; ids and clinical texts stay as shipped. */
export const protocolOverrideSchema = z.strictObject({
  sessionMinutes: z.optional(quarterHourMinutes(15, 600)),
  sessions: z.optional(intIn(1, 24)),
  boosterAfterDays: z.optional(intIn(1, 365)),
  fastingSolidHours: z.optional(numberIn(0, 24)),
  clearLiquidsUntilHours: z.optional(numberIn(0, 24)),
  /** Who each session (and each booster) of the protocol needs; replaces the protocol's list. */
  staff: z.optional(staffNeedsSchema),
  /** Book an integration session (office and therapist) 1 to 3 days after each dosing session. */
  integrationSessions: z.optional(z.boolean()),
});
export type ProtocolOverride = z.infer<typeof protocolOverrideSchema>;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const clinicSchema = z.strictObject({
  name: text(120),
  /**
   * The name email subjects and calendar titles use, when the clinic's own name says what it treats
   * ("Ketamine Wellness Center"). PUT /clinic refuses one that names a drug, treatment or diagnosis
   * (domain/subject-privacy.ts). Left out: the name, if it reveals nothing, else "Your clinic".
   */
  subjectName: z.optional(text(60)),
  timezone: ianaZoneSchema,
  phone: text(40),
  address: text(300),
  chairs: intIn(0, 100),
  offices: intIn(0, 100),
  hours: weeklyHoursSchema,
  closedDates: z.array(dateSchema).check(z.maxLength(366)),
  /** Nothing is sent to a patient inside these local hours (their zone); a reminder due then moves earlier. */
  quietHours: z._default(z.strictObject({ start: clockTimeSchema, end: clockTimeSchema }), {
    start: "21:00",
    end: "08:00",
  }),
  /** How long before the start a patient should arrive. */
  arrivalMinutesBefore: z._default(intIn(0, 120), 15),
  /** Minutes of the non-protocol services. */
  serviceMinutes: z._default(
    z.strictObject({
      consultation: z._default(quarterHourMinutes(15, 480), 60),
      integration: z._default(quarterHourMinutes(15, 480), 60),
      booster: z._default(quarterHourMinutes(15, 600), 120),
    }),
    { consultation: 60, integration: 60, booster: 120 },
  ),
  /** Per-protocol tuning of the numbers. */
  protocolOverrides: z._default(z.partialRecord(z.enum(PROTOCOL_IDS), protocolOverrideSchema), {}),
  /** How far ahead staff may book. */
  bookingHorizonDays: z._default(intIn(1, 730), 365),
  /**
   * Until how many hours before the start a patient may cancel from the email's link (elapsed hours);
   * later, the page asks them to call, so the front desk can offer the chair and the prepared dose.
   */
  cancellationNoticeHours: z._default(intIn(0, 168), 24),
  /**
   * The booking hold: emails due at booking wait this many minutes, so a booking made by mistake and
   * called off (or moved) at once sends nothing about it.
   */
  notificationDelayMinutes: z._default(intIn(0, 60), 2),
  /** Who the sessions outside a protocol need (a protocol's own sessions: its `staff`). */
  serviceStaff: z._default(
    z.strictObject({
      consultation: z._default(staffNeedsSchema, [ONE_PRESCRIBER]),
      integration: z._default(staffNeedsSchema, [ONE_THERAPIST]),
    }),
    { consultation: [ONE_PRESCRIBER], integration: [ONE_THERAPIST] },
  ),
  /**
   * A booster or a new series more than this many days after the patient's last dosing session needs a
   * consultation outcome recorded since that session.
   */
  lapseDays: z._default(intIn(1, 730), 90),
  /** The clinic's own address: the daily digest of monitoring forms goes there. Never a patient's. */
  email: z.optional(z.email().check(z.maxLength(254))),
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
