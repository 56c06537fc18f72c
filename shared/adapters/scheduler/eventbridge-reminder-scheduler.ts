import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { type ReminderJob, type ReminderScheduler, scheduleName } from "../../ports/reminder-scheduler.js";

export interface SchedulerTarget {
  groupName: string;
  /** send-reminder's ARN. */
  targetArn: string;
  /** The role Scheduler assumes to invoke the target. */
  roleArn: string;
  deadLetterArn?: string;
}

/** `at(2026-12-01T15:00:00)` in UTC: Scheduler reads at() in ScheduleExpressionTimezone, which we fix to UTC. */
export function atExpression(instant: string): string {
  return `at(${new Date(instant).toISOString().slice(0, 19)})`;
}

/**
 * One EventBridge Scheduler schedule per pending reminder, named after it. Create-or-update and
 * delete-if-present make every call safe to repeat, which stream redelivery will do.
 */
export class EventBridgeReminderScheduler implements ReminderScheduler {
  /**
   * `sendNow` hands an already-due reminder to send-reminder directly: an async Lambda invoke in AWS, an
   * in-process call locally. Scheduler itself is not asked to fire a time that has passed.
   */
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: SchedulerTarget,
    readonly sendNow: (job: ReminderJob) => Promise<void>,
  ) {}

  async upsert(job: ReminderJob, hint?: { exists: boolean }): Promise<void> {
    const input: CreateScheduleCommandInput = {
      Name: scheduleName(job.reminderId),
      GroupName: this.target.groupName,
      ScheduleExpression: atExpression(job.dueAt),
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: this.target.targetArn,
        RoleArn: this.target.roleArn,
        Input: JSON.stringify(job),
        RetryPolicy: { MaximumRetryAttempts: 20, MaximumEventAgeInSeconds: 6 * 3600 },
        ...(this.target.deadLetterArn ? { DeadLetterConfig: { Arn: this.target.deadLetterArn } } : {}),
      },
    };
    if (hint?.exists) {
      try {
        // Update replaces the whole definition.
        await this.client.send(new UpdateScheduleCommand(input));
        return;
      } catch (error) {
        // Gone after all: it fired (and deleted itself) before the reminder moved, or was never made.
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    }
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      // It exists: a redelivery, or the reminder moved.
      await this.client.send(new UpdateScheduleCommand(input));
    }
  }

  async remove(reminderId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({ Name: scheduleName(reminderId), GroupName: this.target.groupName }),
      );
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}
