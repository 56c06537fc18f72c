/** Shapes as the Scheduler REST-JSON API sends them; dates are epoch seconds, as on the wire. */
export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
  DeadLetterConfig?: { Arn?: string };
}

export interface StoredSchedule {
  Arn: string;
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: number;
  EndDate?: number;
  Description?: string;
  State: "ENABLED" | "DISABLED";
  KmsKeyArn?: string;
  Target: ScheduleTarget;
  FlexibleTimeWindow: { Mode: "OFF" | "FLEXIBLE"; MaximumWindowInMinutes?: number };
  ActionAfterCompletion: "NONE" | "DELETE";
  CreationDate: number;
  LastModificationDate: number;
  /** Emulator-only: bumped on every write, so firing never clobbers an update made while it ran. */
  revision: number;
  /** Emulator-only: ISO time of the local clock when this one-time schedule fired; cleared by updates. */
  firedAt?: string;
}

export interface StoredScheduleGroup {
  Arn: string;
  Name: string;
  State: "ACTIVE";
  CreationDate: number;
  LastModificationDate: number;
}

/** A target invocation that kept failing after the retries, as the DLQ would receive it. */
export interface DeadLetter {
  scheduleName: string;
  groupName: string;
  targetArn: string;
  input: string;
  error: string;
  /** ISO time of the local clock when it was given up on. */
  at: string;
  attempts: number;
  /** The schedule's DeadLetterConfig.Arn, if it had one; recorded either way for visibility. */
  deadLetterArn?: string;
}

export interface FiredSchedule {
  scheduleName: string;
  groupName: string;
  targetArn: string;
  input: string;
  /** ISO instant the at() expression denotes. */
  dueAt: string;
  attempts: number;
  outcome: "succeeded" | "dead-lettered";
  error?: string;
}

export type InvokeTarget = (targetArn: string, input: string) => Promise<void>;
