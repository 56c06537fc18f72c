import { DateTime } from "luxon";
import * as z from "zod/mini";
import { dateSchema as baseDateSchema, ianaZoneSchema } from "../domain/clinic.js";
import { FIRST_DATE, HIDDEN_OR_CONTROL, HIDDEN_OR_CONTROL_MESSAGE, LAST_DATE } from "../domain/plain-text.js";
import { PROTOCOL_IDS, SERVICE_IDS, type ServiceId } from "../domain/types.js";

export { ianaZoneSchema };

/**
 * A date in a request: one that exists, in the years the system plans in. Shared by many fields: to
 * describe one of them, register a `.clone()`, never this schema itself.
 */
export const dateSchema = baseDateSchema.check(
  z.refine((d) => d >= FIRST_DATE && d <= LAST_DATE, {
    message: `must be between ${FIRST_DATE} and ${LAST_DATE}`,
    when: (payload) => payload.issues.length === 0,
  }),
);

// Line breaks and other control characters are how header injection and log forging start;
// bidi overrides make a name read differently from what it is.
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_EXCEPT_NEWLINES = /[^\P{Cc}\n\r\t]|[\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const idSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be 1-64 letters, digits, '_' or '-'" }));

export const protocolIdSchema = z.enum(PROTOCOL_IDS).register(z.globalRegistry, { id: "ProtocolId" });
export const serviceIdSchema = z
  .enum(SERVICE_IDS as [ServiceId, ...ServiceId[]])
  .register(z.globalRegistry, { id: "ServiceId" });

/** A person's name: trimmed, 1-100 characters, one line, nothing invisible (it is shown in emails). */
export const nameSchema = z.string().check(
  z.trim(),
  z.minLength(1, { message: "must not be empty", abort: true }),
  z.maxLength(100, { abort: true }),
  z.refine((s) => !HIDDEN_OR_CONTROL.test(s), { message: HIDDEN_OR_CONTROL_MESSAGE }),
);

// Local part: dot-atom without the characters a mail header gives meaning to (, ; < > " whitespace).
const EMAIL =
  /^(?!\.)(?!.*\.\.)[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An address that cannot smuggle a header: control characters are refused before trimming (a
 * trailing "\r\n" is an attack, not a typo), then the address is lower-cased and checked whole.
 */
export const emailSchema = z.string().check(
  z.refine((s) => !CONTROL.test(s), {
    message: "must not contain line breaks or control characters",
    abort: true,
  }),
  z.trim(),
  z.toLowerCase(),
  z.maxLength(254, { abort: true }),
  z.regex(EMAIL, { message: "must be a single valid email address" }),
);

/** Digits and the usual punctuation; enough digits to dial. */
export const phoneSchema = z.string().check(
  z.trim(),
  z.regex(/^[0-9 +\-()]{5,30}$/, {
    message: "must be 5-30 digits, spaces, '+', '-', '(' or ')'",
    abort: true,
  }),
  z.refine((s) => (s.match(/\d/g)?.length ?? 0) >= 3, { message: "must contain at least 3 digits" }),
);

const freeText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max, { abort: true }),
    z.refine((s) => !CONTROL_EXCEPT_NEWLINES.test(s), {
      message: "must not contain control characters other than line breaks and tabs",
    }),
  );

/** Clinical notes: up to 2000 characters, line breaks allowed. */
export const notesSchema = freeText(2000);
/** Why something was cancelled: up to 500 characters. */
export const reasonSchema = freeText(500);

const OFFSET_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.(?<fraction>\d{1,9}))?)?(?<offset>Z|[+-]\d{2}:\d{2})$/;
// Offsets in use run from -12:00 to +14:00, in hours, half hours or quarters (Nepal +05:45, Chatham
// +12:45); Luxon alone would take "+14:59" or "+25:00".
const REAL_OFFSET =
  /^(?:Z|-(?:(?:0\d|1[01]):(?:00|30|45)|12:00)|\+(?:(?:0\d|1[01]):(?:00|30|45)|1[23]:(?:00|45)|14:00))$/;

/**
 * An instant with an explicit offset or Z ("2026-12-01T10:00:00-05:00"), parsed to a UTC ISO string.
 * A bare local time is refused: which zone it means is exactly the ambiguity the API avoids. So is a
 * digit below the millisecond: it would be dropped without a word, and the caller would not get the time
 * it sent. Shared, as dateSchema: describe one use on a `.clone()`.
 */
export const instantSchema = z
  .pipe(
    z.string().check(
      z.regex(OFFSET_INSTANT, { message: "must be an ISO-8601 date-time with an offset or Z", abort: true }),
      z.refine((s) => REAL_OFFSET.test(OFFSET_INSTANT.exec(s)?.groups?.offset ?? ""), {
        message: "must have a real UTC offset, from -12:00 to +14:00 in hours, half or quarter hours",
        abort: true,
      }),
      z.refine((s) => /^\d{0,3}0*$/.test(OFFSET_INSTANT.exec(s)?.groups?.fraction ?? ""), {
        message: "must not be more precise than milliseconds",
        abort: true,
      }),
      z.refine((s) => DateTime.fromISO(s, { setZone: true }).isValid, {
        message: "must be a real date and time",
        abort: true,
      }),
    ),
    z.transform((s: string) => DateTime.fromISO(s, { zone: "utc" }).toISO()!),
  )
  .check(
    z.refine((utc) => utc >= FIRST_DATE && utc <= `${LAST_DATE}T23:59:59.999Z`, {
      message: `must be between ${FIRST_DATE} and ${LAST_DATE}`,
    }),
  );

/** Instants in responses are UTC. */
export const utcInstantSchema = z.iso.datetime().register(z.globalRegistry, { id: "UtcInstant" });

/** Inclusive length in days of a date range, from <= to assumed. */
function inclusiveDays(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: "utc" });
  const b = DateTime.fromISO(to, { zone: "utc" });
  return Math.round(b.diff(a, "days").days) + 1;
}

/** `{ from, to }` dates with from <= to and at most `maxDays` days, both ends included. */
export function dateRangeFields<T extends z.core.$ZodShape>(extra: T, maxDays: number) {
  return z.strictObject({ ...extra, from: dateSchema, to: dateSchema }).check(
    z.superRefine((q, ctx) => {
      const { from, to } = q as { from: string; to: string };
      if (from > to) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      } else if (inclusiveDays(from, to) > maxDays) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: `the range must span at most ${maxDays} days`,
        });
      }
    }),
  );
}
