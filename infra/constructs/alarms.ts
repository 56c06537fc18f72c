import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { METRICS_NAMESPACE } from "./app-function.js";

/**
 * SES reviews an account at a 5% bounce rate or 0.1% complaint rate (and may pause sending at 10% / 0.5%):
 * alarm at the review thresholds, which leaves time to act before sending is paused.
 */
export const SES_BOUNCE_RATE_THRESHOLD = 0.05;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.001;

export interface OperationalAlarmsProps {
  readonly topic: ITopic;
  readonly prefix: string;
}

/** Alarms that notify the alarm topic on ALARM and on OK, so the inbox shows when a problem is over. */
export class OperationalAlarms extends Construct {
  private readonly action: SnsAction;
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
    this.prefix = props.prefix;
  }

  /** Any message in a dead-letter queue means a reminder or an event was not handled. */
  deadLetterQueue(id: string, queue: IQueue, description: string): cloudwatch.Alarm {
    return this.alarm(id, {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      alarmDescription: `${description} See the README, "Operations: Dead-letter queues and redrive".`,
    });
  }

  functionHealth(id: string, fn: IFunction): void {
    this.alarm(`${id}Errors`, {
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      alarmDescription: `${id} returned errors. Its log group has the details (no patient data is logged).`,
    });
    this.alarm(`${id}Throttles`, {
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      alarmDescription: `${id} was throttled: its reserved concurrency or the account's limit was reached.`,
    });
  }

  streamLag(id: string, fn: IFunction): void {
    this.alarm(id, {
      metric: fn.metric("IteratorAge", { period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: Duration.minutes(15).toMilliseconds(),
      alarmDescription:
        "schedule-sync is more than 15 minutes behind the table's stream: reminders may be late.",
    });
  }

  /** The reconciler gave up on a reminder: a patient did not get an email the system meant to send. */
  remindersFailed(id: string, service: string): void {
    this.alarm(id, {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: "RemindersFailed",
        dimensionsMap: { service },
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 1,
      alarmDescription:
        "A reminder could not be sent even after the reconciler re-drove it; it shows as failed " +
        "(not-sent-after-redrive) on its appointment. See the README, Operations: Alarms.",
    });
  }

  /**
   * A REMS Patient Monitoring Form is past its 7 days. The reconciler publishes the count on every run; the
   * alarm holds while any is overdue and clears (OK) once each has been recorded.
   */
  remsFormsOverdue(id: string, service: string): void {
    this.alarm(id, {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: "RemsFormsOverdue",
        dimensionsMap: { service },
        period: Duration.minutes(15),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      alarmDescription:
        "A REMS Patient Monitoring Form is overdue (more than 7 days after its esketamine session). " +
        "GET /rems/monitoring-forms?status=overdue lists them; the clinic's daily digest does too.",
    });
  }

  apiServerErrors(id: string, metric: cloudwatch.IMetric): void {
    this.alarm(id, {
      metric,
      threshold: 5,
      alarmDescription: "The admin API answered 5xx at least 5 times in 5 minutes.",
    });
  }

  sesReputation(): void {
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/SES",
        metricName,
        period: Duration.hours(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      });
    this.alarm("SesBounceRate", {
      metric: reputation("Reputation.BounceRate"),
      threshold: SES_BOUNCE_RATE_THRESHOLD,
      alarmDescription:
        "SES account bounce rate reached 5% (AWS reviews the account; 10% may pause sending).",
    });
    this.alarm("SesComplaintRate", {
      metric: reputation("Reputation.ComplaintRate"),
      threshold: SES_COMPLAINT_RATE_THRESHOLD,
      alarmDescription:
        "SES account complaint rate reached 0.1% (AWS reviews the account; 0.5% may pause sending).",
    });
  }

  private alarm(
    id: string,
    props: { metric: cloudwatch.IMetric; threshold: number; alarmDescription: string },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${this.prefix}-${id}`,
      metric: props.metric,
      threshold: props.threshold,
      alarmDescription: props.alarmDescription,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened (no failures, no traffic), not a problem.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }
}
