import { ArnFormat, Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as ses from "aws-cdk-lib/aws-ses";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import { GSI_NAMES, TABLE_KEYS } from "../shared/adapters/dynamodb/table-keys.js";
import { type AppConfig, sesIdentityName } from "./config.js";
import { DeadLetterQueue } from "./constructs/dead-letter-queue.js";
import { StaffIdentity } from "./constructs/staff-identity.js";
import { acknowledge, acknowledgeKeyGrantWildcards } from "./nag-acknowledge.js";
import type { ResourceNames } from "./names.js";

export interface StatefulStackProps extends StackProps {
  readonly config: AppConfig;
  readonly names: ResourceNames;
}

/**
 * Everything that holds data or identity and must survive a redeploy of the code: the table and its key,
 * the schedule group and the role Scheduler assumes, the dead-letter queues, the SES configuration set,
 * the staff user pool and the alarm topic (so its e-mail subscription stays confirmed).
 * It references nothing in the stateless stack (names of stateless resources are fixed in names.ts).
 */
export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly scheduleGroupName: string;
  readonly schedulerRole: iam.Role;
  /** Scheduler puts a schedule's event here when it cannot invoke send-reminder. */
  readonly scheduleDlq: DeadLetterQueue;
  /** Stream batches schedule-sync could not process after its retries (on-failure destination). */
  readonly syncDlq: DeadLetterQueue;
  /** send-reminder async invocations that failed after Lambda's retries. */
  readonly reminderDlq: DeadLetterQueue;
  /** email-events async invocations that failed after Lambda's retries. */
  readonly emailEventsDlq: DeadLetterQueue;
  readonly configurationSet: ses.ConfigurationSet;
  readonly staff: StaffIdentity;
  readonly alarmTopic: sns.Topic;
  /**
   * The key that signs patients' Confirm and Cancel links. Its AWSCURRENT version signs new links; after a
   * rotation (a new version), AWSPREVIOUS still verifies the links already in mailboxes.
   */
  readonly linkKeySecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config, names } = props;

    this.key = new kms.Key(this, "DataKey", {
      alias: `alias/${names.prefix}`,
      description: `Encrypts the clinic scheduler's table, queues, logs and alarm topic (${config.stage})`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      // Without the key, retained backups and logs cannot be read.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the functions' and the API's log groups with this key (log groups of this
    // account and region only).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "AllowCloudWatchLogsOfThisAccount",
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        conditions: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "AllowCloudWatchAlarmsToPublishToEncryptedTopic",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
      }),
    );

    this.table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
    });
    for (const gsi of GSI_NAMES) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    acknowledge(
      this.table,
      "HIPAA.Security-DynamoDBInBackupPlan",
      "Point-in-time recovery (35 days, continuous) is the backup for this table; the README (Operations) tells a " +
        "clinic how to add it to an AWS Backup plan when its policy requires longer retention or vaulting.",
    );

    const scheduleGroup = new scheduler.CfnScheduleGroup(this, "ScheduleGroup", {
      name: names.scheduleGroup,
    });
    this.scheduleGroupName = names.scheduleGroup;

    const dlq = (id: string, purpose: string) => new DeadLetterQueue(this, id, { key: this.key, purpose });
    this.scheduleDlq = dlq("ScheduleDlq", "reminder schedules Scheduler could not deliver");
    this.syncDlq = dlq("ScheduleSyncDlq", "stream batches schedule-sync could not process");
    this.reminderDlq = dlq("SendReminderDlq", "failed send-reminder invocations");
    this.emailEventsDlq = dlq("EmailEventsDlq", "failed email-events invocations");

    // The role EventBridge Scheduler assumes to fire reminder schedules: it may invoke send-reminder only,
    // and only schedules of this account's group may use it (confused-deputy guard).
    this.schedulerRole = new iam.Role(this, "SchedulerRole", {
      description: "Assumed by EventBridge Scheduler to invoke send-reminder for reminder schedules",
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID },
          ArnEquals: { "aws:SourceArn": scheduleGroup.attrArn },
        },
      }),
    });
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "InvokeSendReminderOnly",
        actions: ["lambda:InvokeFunction"],
        resources: [
          this.formatArn({
            service: "lambda",
            resource: "function",
            resourceName: names.function("send-reminder"),
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    this.scheduleDlq.queue.grantSendMessages(this.schedulerRole);
    acknowledgeKeyGrantWildcards(this.schedulerRole);
    acknowledge(
      this.schedulerRole,
      "HIPAA.Security-IAMNoInlinePolicy",
      "The inline policy names one function and one queue of this deployment; it is not meant to be shared.",
    );

    this.configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      configurationSetName: names.configurationSet,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    // SES publishes sends, bounces and complaints to the account's default event bus; the stateless stack's
    // rule picks them up. Going through the default bus keeps this stack free of references to the function.
    // Sends carry the reminder's tags: they settle a reminder whose sender died right after SES accepted it.
    this.configurationSet.addEventDestination("BouncesAndComplaints", {
      configurationSetEventDestinationName: "bounces-and-complaints-to-eventbridge",
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, "DefaultBus", "default"),
      ),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    if (config.createSesIdentity) {
      const identity = new ses.EmailIdentity(this, "SenderIdentity", {
        identity: config.senderDomain
          ? ses.Identity.domain(config.senderDomain)
          : ses.Identity.email(config.senderEmail),
        // Every message from this identity goes through the configuration set (TLS, suppression, events).
        configurationSet: this.configurationSet,
      });
      if (config.senderDomain) {
        identity.dkimRecords.forEach((record, index) => {
          new CfnOutput(this, `DkimRecord${index + 1}`, {
            description: "Add this CNAME to the domain's DNS to verify it for SES (Easy DKIM)",
            value: `${record.name} CNAME ${record.value}`,
          });
        });
      }
    }

    this.staff = new StaffIdentity(this, "Staff", {
      namePrefix: names.prefix,
      clinicName: config.clinicName,
    });

    this.linkKeySecret = new secretsmanager.Secret(this, "PatientLinkKeys", {
      description:
        "Signs patients' Confirm and Cancel links: AWSCURRENT signs, AWSPREVIOUS still verifies after a rotation",
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      // Deleting it would break every link in patients' mailboxes; a new stack gets a new one anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const id of ["AwsSolutions-SMG4", "HIPAA.Security-SecretsManagerRotationEnabled"]) {
      acknowledge(
        this.linkKeySecret,
        id,
        "An HMAC signing key, not a credential another system holds: an operator rotates it with one " +
          "`aws secretsmanager put-secret-value` (README, Patient links); the previous version keeps verifying " +
          "links already sent, which expire when their appointment starts.",
      );
    }

    this.alarmTopic = new sns.Topic(this, "AlarmTopic", {
      displayName: `Clinic scheduler alarms (${config.stage})`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));

    new CfnOutput(this, "TableName", { value: this.table.tableName });
    new CfnOutput(this, "UserPoolId", { value: this.staff.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.staff.webClient.userPoolClientId });
    new CfnOutput(this, "ScheduleGroupName", { value: this.scheduleGroupName });
    new CfnOutput(this, "SesIdentity", { value: sesIdentityName(config) });
    for (const [name, q] of Object.entries({
      ScheduleDlqUrl: this.scheduleDlq,
      ScheduleSyncDlqUrl: this.syncDlq,
      SendReminderDlqUrl: this.reminderDlq,
      EmailEventsDlqUrl: this.emailEventsDlq,
    })) {
      new CfnOutput(this, name, { value: q.queue.queueUrl });
    }
  }
}
