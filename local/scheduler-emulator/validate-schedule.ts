import { assertTimezone, atInstant } from "./at-expression.js";
import { validationError } from "./errors.js";
import type { ScheduleTarget, StoredSchedule } from "./types.js";

/** The fields a Create/UpdateSchedule body sets; Update replaces them all, as in AWS. */
export type ScheduleFields = Omit<
  StoredSchedule,
  "Arn" | "CreationDate" | "LastModificationDate" | "revision" | "firedAt"
>;

const NAME_PATTERN = /^[0-9a-zA-Z\-_.]+$/;
const ARN_PATTERN = /^arn:aws(-[a-z]+)*:[a-z0-9-]+:/;
const SQS_ARN_PATTERN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9\-_]+$/;

/** Checks a name (schedule or group) the way the service does, before anything is looked up. */
export function assertName(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length < 1 || value.length > 64 || !NAME_PATTERN.test(value)) {
    throw validationError(
      `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: [0-9a-zA-Z-_.]+ and have length between 1 and 64",
    );
  }
  return value;
}

/** Validates a Create/UpdateSchedule body into the fields to store, applying AWS defaults. */
export function validateScheduleBody(name: string, body: unknown): ScheduleFields {
  const input = asObject(body, "request body");
  const groupName = input.GroupName === undefined ? "default" : assertName(input.GroupName, "groupName");

  const expression = requiredString(input.ScheduleExpression, "scheduleExpression", 256);
  const timezone = optionalString(input.ScheduleExpressionTimezone, "scheduleExpressionTimezone", 50);
  if (timezone !== undefined) assertTimezone(timezone);
  atInstant(expression, timezone);

  const state = oneOf(input.State ?? "ENABLED", ["ENABLED", "DISABLED"] as const, "state");
  const actionAfterCompletion = oneOf(
    input.ActionAfterCompletion ?? "NONE",
    ["NONE", "DELETE"] as const,
    "actionAfterCompletion",
  );
  const fields: ScheduleFields = {
    Name: name,
    GroupName: groupName,
    ScheduleExpression: expression,
    State: state,
    Target: validateTarget(input.Target),
    FlexibleTimeWindow: validateWindow(input.FlexibleTimeWindow),
    ActionAfterCompletion: actionAfterCompletion,
  };
  if (timezone !== undefined) fields.ScheduleExpressionTimezone = timezone;
  const description = optionalString(input.Description, "description", 512);
  if (description !== undefined) fields.Description = description;
  const kmsKeyArn = optionalString(input.KmsKeyArn, "kmsKeyArn", 2048);
  if (kmsKeyArn !== undefined) fields.KmsKeyArn = kmsKeyArn;
  const startDate = optionalNumber(input.StartDate, "startDate");
  if (startDate !== undefined) fields.StartDate = startDate;
  const endDate = optionalNumber(input.EndDate, "endDate");
  if (endDate !== undefined) fields.EndDate = endDate;
  if (startDate !== undefined && endDate !== undefined && endDate <= startDate) {
    throw validationError("The EndDate must be after the StartDate.");
  }
  return fields;
}

function validateTarget(value: unknown): ScheduleTarget {
  if (value === undefined) throw missing("target");
  const target = asObject(value, "target");
  const arn = requiredString(target.Arn, "target.arn", 1600);
  const roleArn = requiredString(target.RoleArn, "target.roleArn", 1600);
  if (!ARN_PATTERN.test(arn)) throw validationError(`Invalid target ARN ${arn}.`);
  if (!ARN_PATTERN.test(roleArn)) throw validationError(`Invalid RoleArn ${roleArn}.`);
  const result: ScheduleTarget = { Arn: arn, RoleArn: roleArn };
  const input = optionalString(target.Input, "target.input", 8192);
  if (input !== undefined) {
    if (input.length === 0) throw validationError("Target Input must not be empty.");
    result.Input = input;
  }
  if (target.RetryPolicy !== undefined) {
    const policy = asObject(target.RetryPolicy, "target.retryPolicy");
    result.RetryPolicy = {};
    const age = optionalInteger(
      policy.MaximumEventAgeInSeconds,
      "target.retryPolicy.maximumEventAgeInSeconds",
      60,
      86_400,
    );
    if (age !== undefined) result.RetryPolicy.MaximumEventAgeInSeconds = age;
    const attempts = optionalInteger(
      policy.MaximumRetryAttempts,
      "target.retryPolicy.maximumRetryAttempts",
      0,
      185,
    );
    if (attempts !== undefined) result.RetryPolicy.MaximumRetryAttempts = attempts;
  }
  if (target.DeadLetterConfig !== undefined) {
    const config = asObject(target.DeadLetterConfig, "target.deadLetterConfig");
    const dlqArn = optionalString(config.Arn, "target.deadLetterConfig.arn", 1600);
    if (dlqArn !== undefined && !SQS_ARN_PATTERN.test(dlqArn)) {
      throw validationError(`Invalid DeadLetterConfig ARN ${dlqArn}: it must be an SQS queue ARN.`);
    }
    result.DeadLetterConfig = dlqArn === undefined ? {} : { Arn: dlqArn };
  }
  return result;
}

function validateWindow(value: unknown): ScheduleFields["FlexibleTimeWindow"] {
  if (value === undefined) throw missing("flexibleTimeWindow");
  const window = asObject(value, "flexibleTimeWindow");
  const mode = oneOf(window.Mode, ["OFF", "FLEXIBLE"] as const, "flexibleTimeWindow.mode");
  const minutes = optionalInteger(
    window.MaximumWindowInMinutes,
    "flexibleTimeWindow.maximumWindowInMinutes",
    1,
    1440,
  );
  if (mode === "FLEXIBLE" && minutes === undefined) {
    throw validationError("MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE.");
  }
  if (mode === "OFF" && minutes !== undefined) {
    throw validationError("MaximumWindowInMinutes must not be set when FlexibleTimeWindow Mode is OFF.");
  }
  return minutes === undefined ? { Mode: mode } : { Mode: mode, MaximumWindowInMinutes: minutes };
}

function asObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw validationError(`${field} must be an object.`);
  }
  return value as Record<string, unknown>;
}

const missing = (field: string) =>
  validationError(
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );

function requiredString(value: unknown, field: string, maxLength: number): string {
  if (value === undefined || value === null) throw missing(field);
  const result = optionalString(value, field, maxLength);
  if (result === undefined || result.length === 0) throw missing(field);
  return result;
}

function optionalString(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validationError(`${field} must be a string.`);
  if (value.length > maxLength) {
    throw validationError(
      `${field} failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`,
    );
  }
  return value;
}

function optionalNumber(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw validationError(`${field} must be a number.`);
  return value;
}

function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  const number = optionalNumber(value, field);
  if (number === undefined) return undefined;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw validationError(
      `${field} failed to satisfy constraint: Member must be an integer between ${min} and ${max}`,
    );
  }
  return number;
}

function oneOf<const T extends readonly string[]>(value: unknown, allowed: T, field: string): T[number] {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw validationError(
      `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ` +
        `Member must satisfy enum value set: [${allowed.join(", ")}]`,
    );
  }
  return value as T[number];
}
