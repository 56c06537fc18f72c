import * as z from "zod/mini";
import { clinicSchema, DEFAULT_CLINIC } from "../domain/clinic.js";
import "./zod-english.js";

/**
 * Reads a function's environment through its schema, once at cold start, and names exactly which
 * variable is missing or wrong: a misconfigured deploy fails loudly on its first invocation.
 */
export function readEnv<S extends z.ZodMiniType>(
  schema: EnvSchema<S>,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  // zod/mini's objects are never compiled to a fast path: nothing to generate for this one parse.
  const parsed = schema().safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/**
 * A function's environment schema, built when first asked for: every function imports this module, and
 * building the schemas of all five (zod objects are not cheap to make) was part of each one's cold start.
 */
export type EnvSchema<S extends z.ZodMiniType> = () => S;

function builtOnce<S extends z.ZodMiniType>(build: () => S): EnvSchema<S> {
  let schema: S | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}

// zod/mini's transforms get the parse's payload: an issue is pushed onto it (classic zod's ctx.addIssue).
const json = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((text: string, payload) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          payload.issues.push({ code: "custom", message: "must be JSON", input: text });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );

const tableShape = () => ({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Only locally: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
});

export const tableEnv = builtOnce(() => z.object(tableShape()));

/**
 * The clinic used until an admin saves one, from the CDK context at deploy time: any clinic settings
 * (name, zone, phone, address, chairs, offices...); the rest, such as opening hours, take the built-in defaults.
 * Validated once, merged with the defaults: a partial copy of the clinic's schema (what checking the given
 * settings alone would take) costs its construction and a second parse at every cold start, for the same
 * verdict, since the defaults are valid whatever is given.
 */
const clinicDefaults = () =>
  z.pipe(
    json(z.looseObject({})),
    z.transform((given: Record<string, unknown>, payload) => {
      const parsed = clinicSchema.safeParse({ ...DEFAULT_CLINIC, ...given });
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        payload.issues.push({ ...issue, code: "custom", input: given });
      return z.NEVER;
    }),
  );

const arn = () => z.string().check(z.startsWith("arn:"));

/** The Secrets Manager secret that signs patients' links; absent, emails carry no Confirm or Cancel links. */
const linkKeysShape = () => ({ PATIENT_LINK_SECRET_ARN: z.optional(arn()) });

export const adminApiEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    CLINIC_DEFAULTS: z.optional(clinicDefaults()),
    /** Comma-separated browser origins allowed to call the API (CORS): the staff console's, in AWS. */
    CORS_ORIGINS: z.pipe(
      z.pipe(
        z.optional(z.string()),
        z.transform((list: string | undefined) =>
          (list ?? "")
            .split(",")
            .map((o) => o.trim())
            .filter(Boolean),
        ),
      ),
      z.array(z.url({ protocol: /^https?$/ })),
    ),
  }),
);

/** The patients' pages check their links with the link key and name the clinic on every page. */
export const patientPagesEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    ...linkKeysShape(),
    CLINIC_DEFAULTS: z.optional(clinicDefaults()),
  }),
);

const scheduleSyncShape = () => ({
  ...tableShape(),
  SCHEDULE_GROUP_NAME: z.string().check(z.minLength(1)),
  SCHEDULER_ROLE_ARN: arn(),
  SEND_REMINDER_FUNCTION_ARN: arn(),
  SCHEDULE_DLQ_ARN: z.optional(arn()),
});

export const scheduleSyncEnv = builtOnce(() => z.object(scheduleSyncShape()));

export type ScheduleSyncEnv = z.output<ReturnType<typeof scheduleSyncEnv>>;

/** The reconciler re-syncs schedules and re-drives sends, like schedule-sync, and reads the table. */
export const reconcilerEnv = scheduleSyncEnv;

/** rems-watch reads the forms and the clinic, and sends the clinic its digest from the reminders' sender. */
export const remsWatchEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    SENDER_EMAIL: z.string().check(z.minLength(3)),
    SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  }),
);

export const sendReminderEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    SENDER_EMAIL: z.string().check(z.minLength(3)),
    SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
    PUBLIC_API_URL: z.optional(z.url()),
    CLINIC_DEFAULTS: z.optional(clinicDefaults()),
    ...linkKeysShape(),
  }),
);

/**
 * email-events only marks addresses and settles sends: it needs the table, not the clinic (infra gives it
 * no CLINIC_DEFAULTS), so its cold start does not parse one.
 */
export const emailEventsEnv = tableEnv;
