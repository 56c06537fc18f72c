import * as z from "zod/mini";
import "../shared/config/zod-english.js";

/**
 * Deployment configuration, read from CDK context (cdk.json defaults, `-c key=value` overrides) and
 * validated once at synth time so a wrong value fails before CloudFormation sees anything.
 */

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const retentionMessage = `context 'logRetentionDays' must be one of ${LOG_RETENTION_DAYS.join(", ")}`;

/**
 * `value` turned into what `schema` checks first (classic zod's `z.preprocess`). A transform feeding a
 * schema: a pipe stops at the first issue, so the schema never sees a value the transform refused.
 */
const preprocess = <T extends z.ZodMiniType>(fn: (value: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(fn), schema);

/** `-c flag=false` arrives as the string "false": z.coerce.boolean() would read it as true. */
const booleanFlag = (key: string) =>
  preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value),
    z.boolean({ error: `context '${key}' must be true or false` }),
  );

/** `-c clinicChairs=4` arrives as the string "4"; cdk.json gives the number 4. */
const positiveInt = (key: string, max: number) => {
  const error = `context '${key}' must be a whole number from 1 to ${max}`;
  return preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ error }).check(z.int({ error }), z.minimum(1, { error }), z.maximum(max, { error })),
  );
};

const requiredText = (key: string, max: number) =>
  z
    .string({ error: `context '${key}' is required (text)` })
    .check(
      z.trim(),
      z.minLength(1, { error: `context '${key}' must not be empty` }),
      z.maxLength(max, { error: `context '${key}' must be at most ${max} characters` }),
    );

const email = (key: string) =>
  z
    .email({ error: `context '${key}' must be an email address` })
    .check(z.maxLength(254, { error: `context '${key}' must be an email address` }));

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const domain = z
  .string({ error: "context 'senderDomain' must be a domain name such as clinic.example" })
  .check(
    z.regex(/^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i, {
      error: "context 'senderDomain' must be a domain name such as clinic.example",
    }),
  );

export const configSchema = z
  .object({
    stage: z.string({ error: "context 'stage' is required, e.g. -c stage=prod" }).check(
      z.regex(/^[a-z][a-z0-9-]{1,19}$/, {
        error: "context 'stage' must be 2-20 lowercase letters, digits or '-', starting with a letter",
      }),
    ),
    senderEmail: email("senderEmail"),
    senderDomain: z.optional(domain),
    createSesIdentity: z._default(booleanFlag("createSesIdentity"), true),
    alarmEmail: email("alarmEmail"),
    clinicName: requiredText("clinicName", 120),
    clinicTimezone: z
      .string({ error: "context 'clinicTimezone' is required (an IANA time zone such as America/New_York)" })
      .check(
        z.refine(isTimeZone, {
          error: "context 'clinicTimezone' must be an IANA time zone such as America/New_York",
        }),
      ),
    clinicPhone: z
      .string({ error: "context 'clinicPhone' is required" })
      .check(z.regex(/^\+?[0-9 ()./-]{7,25}$/, { error: "context 'clinicPhone' must be a phone number" })),
    clinicAddress: requiredText("clinicAddress", 300),
    clinicChairs: positiveInt("clinicChairs", 100),
    clinicOffices: positiveInt("clinicOffices", 100),
    logLevel: z._default(
      z.enum(["DEBUG", "INFO", "WARN", "ERROR"], {
        error: "context 'logLevel' must be one of DEBUG, INFO, WARN, ERROR",
      }),
      "INFO",
    ),
    logRetentionDays: z._default(
      preprocess(
        (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
        z.number({ error: retentionMessage }).check(
          z.refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
            error: retentionMessage,
          }),
        ),
      ),
      365,
    ),
    tracing: z._default(booleanFlag("tracing"), true),
    reservedConcurrency: z._default(booleanFlag("reservedConcurrency"), true),
    corsOrigins: z._default(
      preprocess(
        (value) =>
          typeof value === "string"
            ? value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
            : value,
        z.array(
          z.url({
            protocol: /^https?$/,
            error: "context 'corsOrigins' must be a comma-separated list of http(s) origins",
          }),
        ),
      ),
      [],
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      if (config.senderDomain) {
        const senderHost = config.senderEmail.split("@")[1]?.toLowerCase();
        if (senderHost !== config.senderDomain.toLowerCase()) {
          ctx.addIssue({
            code: "custom",
            path: ["senderEmail"],
            message: `context 'senderEmail' must be an address in senderDomain '${config.senderDomain}'`,
          });
        }
      }
    }),
  );

export type AppConfig = z.infer<typeof configSchema>;

export const CONTEXT_KEYS = Object.keys(configSchema.shape) as (keyof AppConfig)[];

/** The clinic defaults handed to admin-api as CLINIC_DEFAULTS. */
export const clinicDefaults = (config: AppConfig) => ({
  name: config.clinicName,
  timezone: config.clinicTimezone,
  phone: config.clinicPhone,
  address: config.clinicAddress,
  chairs: config.clinicChairs,
  offices: config.clinicOffices,
});

/** The SES identity that authorizes sending: the domain when one is configured, else the address. */
export const sesIdentityName = (config: AppConfig): string => config.senderDomain ?? config.senderEmail;

/**
 * Validates context values. `read` returns the raw value for a key (e.g. `app.node.tryGetContext`).
 * Throws one Error listing every problem, each naming its context key.
 */
export function loadConfig(read: (key: string) => unknown): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const value = read(key);
    // An empty `-c key=` means "not set": let the default apply (or the "required" message fire).
    if (value !== undefined && value !== null && value !== "") raw[key] = value;
  }
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const message =
      issue.message.startsWith("context '") || !key ? issue.message : `context '${key}': ${issue.message}`;
    return `  - ${message}`;
  });
  throw new Error(
    `Invalid CDK context (set it in cdk.json or pass -c key=value):\n${[...new Set(problems)].join("\n")}`,
  );
}
