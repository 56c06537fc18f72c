import * as z from "zod";
import { clinicSchema, DEFAULT_CLINIC } from "../domain/clinic.js";

/**
 * Reads a function's environment through its schema, once at cold start, and names exactly which
 * variable is missing or wrong: a misconfigured deploy fails loudly on its first invocation.
 */
export function readEnv<S extends z.ZodType>(
  schema: EnvSchema<S>,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  // Parsed once: zod's compiled fast path would cost more to generate than it could ever save here.
  const parsed = schema().safeParse(env, { jitless: true });
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
export type EnvSchema<S extends z.ZodType> = () => S;

function builtOnce<S extends z.ZodType>(build: () => S): EnvSchema<S> {
  let schema: S | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

const tableShape = () => ({
  TABLE_NAME: z.string().min(1),
  /** Only locally: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.url().optional(),
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
  json(z.looseObject({})).transform((given, ctx) => {
    const parsed = clinicSchema.safeParse({ ...DEFAULT_CLINIC, ...given }, { jitless: true });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
    return z.NEVER;
  });

/** The Secrets Manager secret that signs patients' links; absent, emails carry no Confirm or Cancel links. */
const linkKeysShape = () => ({ PATIENT_LINK_SECRET_ARN: z.string().startsWith("arn:").optional() });

export const adminApiEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    ...linkKeysShape(),
    CLINIC_DEFAULTS: clinicDefaults().optional(),
    /** Comma-separated browser origins allowed to call the API (CORS): the staff console's, in AWS. */
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((list) =>
        (list ?? "")
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  }),
);

const scheduleSyncShape = () => ({
  ...tableShape(),
  SCHEDULE_GROUP_NAME: z.string().min(1),
  SCHEDULER_ROLE_ARN: z.string().startsWith("arn:"),
  SEND_REMINDER_FUNCTION_ARN: z.string().startsWith("arn:"),
  SCHEDULE_DLQ_ARN: z.string().startsWith("arn:").optional(),
});

export const scheduleSyncEnv = builtOnce(() => z.object(scheduleSyncShape()));

export type ScheduleSyncEnv = z.output<ReturnType<typeof scheduleSyncEnv>>;

/** The reconciler re-syncs schedules and re-drives sends, like schedule-sync, and reads the table. */
export const reconcilerEnv = scheduleSyncEnv;

/** rems-watch reads the forms and the clinic, and sends the clinic its digest from the reminders' sender. */
export const remsWatchEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    SENDER_EMAIL: z.string().min(3),
    SES_CONFIGURATION_SET: z.string().min(1).optional(),
  }),
);

export const sendReminderEnv = builtOnce(() =>
  z.object({
    ...tableShape(),
    SENDER_EMAIL: z.string().min(3),
    SES_CONFIGURATION_SET: z.string().min(1).optional(),
    PUBLIC_API_URL: z.url().optional(),
    CLINIC_DEFAULTS: clinicDefaults().optional(),
    ...linkKeysShape(),
  }),
);

/**
 * email-events only marks addresses and settles sends: it needs the table, not the clinic (infra gives it
 * no CLINIC_DEFAULTS), so its cold start does not parse one.
 */
export const emailEventsEnv = tableEnv;
