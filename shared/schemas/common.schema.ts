import { DateTime } from "luxon";
import * as z from "zod";
import { dateSchema, ianaZoneSchema } from "../domain/clinic.js";
import { PROTOCOL_IDS, SERVICE_IDS, type ServiceId } from "../domain/types.js";

export { dateSchema, ianaZoneSchema };

// Line breaks and other control characters are how header injection and log forging start;
// bidi overrides make a name read differently from what it is.
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_EXCEPT_NEWLINES = /[^\P{Cc}\n\r\t]|[\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be 1-64 letters, digits, '_' or '-'" });

export const protocolIdSchema = z.enum(PROTOCOL_IDS).meta({ id: "ProtocolId" });
export const serviceIdSchema = z.enum(SERVICE_IDS as [ServiceId, ...ServiceId[]]).meta({ id: "ServiceId" });

/** A person's name: trimmed, 1-100 characters, one line. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty", abort: true })
  .max(100, { abort: true })
  .refine((s) => !CONTROL.test(s), { message: "must not contain control characters" });

// Local part: dot-atom without the characters a mail header gives meaning to (, ; < > " whitespace).
const EMAIL =
  /^(?!\.)(?!.*\.\.)[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An address that cannot smuggle a header: control characters are refused before trimming (a
 * trailing "\r\n" is an attack, not a typo), then the address is lower-cased and checked whole.
 */
export const emailSchema = z
  .string()
  .refine((s) => !CONTROL.test(s), {
    message: "must not contain line breaks or control characters",
    abort: true,
  })
  .trim()
  .toLowerCase()
  .max(254, { abort: true })
  .regex(EMAIL, { message: "must be a single valid email address" });

/** Digits and the usual punctuation; enough digits to dial. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9 +\-()]{5,30}$/, { message: "must be 5-30 digits, spaces, '+', '-', '(' or ')'", abort: true })
  .refine((s) => (s.match(/\d/g)?.length ?? 0) >= 3, { message: "must contain at least 3 digits" });

const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { abort: true })
    .refine((s) => !CONTROL_EXCEPT_NEWLINES.test(s), {
      message: "must not contain control characters other than line breaks and tabs",
    });

/** Clinical notes: up to 2000 characters, line breaks allowed. */
export const notesSchema = freeText(2000);
/** Why something was cancelled: up to 500 characters. */
export const reasonSchema = freeText(500);

// Real offsets run from -12:00 to +14:00; Luxon alone would take "+25:00".
const OFFSET_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/**
 * An instant with an explicit offset or Z ("2026-12-01T10:00:00-05:00"), parsed to a UTC ISO string.
 * A bare local time is refused: which zone it means is exactly the ambiguity the API avoids.
 */
export const instantSchema = z
  .string()
  .regex(OFFSET_INSTANT, { message: "must be an ISO-8601 date-time with an offset or Z", abort: true })
  .refine((s) => DateTime.fromISO(s, { setZone: true }).isValid, {
    message: "must be a real date and time",
    abort: true,
  })
  .transform((s) => DateTime.fromISO(s, { zone: "utc" }).toISO()!);

/** Instants in responses are UTC. */
export const utcInstantSchema = z.iso.datetime().meta({ id: "UtcInstant" });

/** Inclusive length in days of a date range, from <= to assumed. */
function inclusiveDays(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: "utc" });
  const b = DateTime.fromISO(to, { zone: "utc" });
  return Math.round(b.diff(a, "days").days) + 1;
}

/** `{ from, to }` dates with from <= to and at most `maxDays` days, both ends included. */
export function dateRangeFields<T extends z.core.$ZodShape>(extra: T, maxDays: number) {
  return z.strictObject({ ...extra, from: dateSchema, to: dateSchema }).superRefine((q, ctx) => {
    const { from, to } = q as { from: string; to: string };
    if (from > to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    } else if (inclusiveDays(from, to) > maxDays) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range must span at most ${maxDays} days` });
    }
  });
}
