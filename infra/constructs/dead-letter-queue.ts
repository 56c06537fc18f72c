import { Duration } from "aws-cdk-lib";
import type { IKey } from "aws-cdk-lib/aws-kms";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { acknowledge } from "../nag-acknowledge.js";

export interface DeadLetterQueueProps {
  readonly key: IKey;
  /** What lands here, for operators (for the README, Operations). */
  readonly purpose: string;
}

/**
 * An SQS dead-letter queue with the secure defaults fixed: encrypted with the customer-managed key,
 * TLS-only access, 14 days of retention (the SQS maximum) so a long weekend does not lose failures.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, "Queue", {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      // Fewer KMS calls (cost) for a queue that is read rarely; 1 h is well inside key-usage guidance.
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.queue,
      "AwsSolutions-SQS3",
      `This queue is itself a dead-letter queue (${props.purpose}); a DLQ for it would only move the same messages.`,
    );
  }
}
