import { ArnFormat, Aws, CfnOutput, Duration, Lazy, Stack, type StackProps, Stage } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Schedule, ScheduleExpression, TimeWindow } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import type { Construct } from "constructs";
import { REMINDER_SK_PREFIX } from "../shared/adapters/dynamodb/stream-records.js";
import { OPENAPI_FILE_NAME } from "../shared/http/openapi-file.js";
import { type AppConfig, clinicDefaults } from "./config.js";
import { OperationalAlarms } from "./constructs/alarms.js";
import { AppFunction } from "./constructs/app-function.js";
import { ClinicHttpApi } from "./constructs/http-api.js";
import { StaffConsole } from "./constructs/staff-console.js";
import { acknowledge, nagArnRef } from "./nag-acknowledge.js";
import type { ResourceNames } from "./names.js";
import { adminApiOpenApiDocumentFile } from "./openapi-document-file.js";
import type { StatefulStack } from "./stateful-stack.js";

export interface StatelessStackProps extends StackProps {
  readonly config: AppConfig;
  readonly names: ResourceNames;
  readonly stateful: StatefulStack;
  /** The built staff console (console/dist) to deploy behind CloudFront. */
  readonly consoleAssetsDir: string;
}

/**
 * SES event types email-events handles (EventBridge detail-type): sends settle a reminder whose sender
 * died before recording it; bounces and complaints mark the patient's address.
 */
export const SES_EVENT_DETAIL_TYPES = ["Email Sent", "Email Bounced", "Email Complained"] as const;

/** How often the reconciler looks for reminders a crash or a lost event left unsettled. */
export const RECONCILER_RATE = Duration.minutes(5);

/**
 * How often rems-watch counts overdue forms and checks whether the day's digest is due: the digest goes out
 * within this long after its time, and the overdue alarm sees several counts in each of its periods.
 */
export const REMS_WATCH_RATE = Duration.minutes(15);

/**
 * The code and its wiring: the functions, the staff HTTP API, the stream and event subscriptions,
 * and the alarms. Safe to destroy and redeploy: it owns no data.
 */
export class StatelessStack extends Stack {
  readonly api: ClinicHttpApi;
  readonly staffConsole: StaffConsole;
  readonly functions: Record<
    | "adminApi"
    | "patientPages"
    | "scheduleSync"
    | "sendReminder"
    | "emailEvents"
    | "reconciler"
    | "remsWatch",
    AppFunction
  >;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, names, stateful } = props;
    const { table, key } = stateful;

    const common = { config, key } as const;
    const sendReminder = new AppFunction(this, "SendReminder", {
      ...common,
      name: "send-reminder",
      functionName: names.function("send-reminder"),
      description: "Sends one reminder e-mail through SES when its schedule fires",
      timeout: Duration.seconds(30),
      // Also paces SES: a few concurrent sends stay under the default sending rate.
      reservedConcurrency: 5,
      readsSecrets: true,
    }).bindTable(table, "readWrite");
    sendReminder
      // Emails name the clinic: until an admin saves its settings, they come from the deploy's context.
      .addEnvironment("CLINIC_DEFAULTS", JSON.stringify(clinicDefaults(config)))
      .sendAsyncFailuresTo(stateful.reminderDlq.queue, 2, Duration.hours(6));
    /** Lets a function send as the clinic's sender, through this deployment's configuration set only. */
    const sendsEmail = (fn: AppFunction) => {
      fn.addEnvironment(
        "SES_CONFIGURATION_SET",
        stateful.configurationSet.configurationSetName,
      ).addEnvironment("SENDER_EMAIL", config.senderEmail);
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: "SendAsTheClinicThroughItsConfigurationSet",
          actions: ["ses:SendEmail", "ses:SendRawEmail"],
          resources: [
            // identity/*: SES authorizes against the sender's address or its domain identity, and in the
            // sandbox also against each (verified) recipient identity. The From address is pinned below.
            `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/*`,
            `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:configuration-set/${names.configurationSet}`,
          ],
          conditions: { StringEquals: { "ses:FromAddress": config.senderEmail } },
        }),
      );
      acknowledge(
        fn.role,
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]",
        "SES checks SendEmail against the From address or its domain identity and, in the sandbox, each " +
          "recipient identity, which are not known at deploy time; the statement is pinned to this account and " +
          "region and to the configured From address by the ses:FromAddress condition.",
      );
      return fn;
    };
    sendsEmail(sendReminder);

    /** What a function that makes reminder schedules needs: the group, the role to pass, send-reminder. */
    const schedulesFor = (fn: AppFunction) => {
      fn.addEnvironment("SCHEDULE_GROUP_NAME", stateful.scheduleGroupName)
        .addEnvironment("SCHEDULER_ROLE_ARN", stateful.schedulerRole.roleArn)
        .addEnvironment("SEND_REMINDER_FUNCTION_ARN", sendReminder.functionArn)
        .addEnvironment("SCHEDULE_DLQ_ARN", stateful.scheduleDlq.queue.queueArn);
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: "ManageReminderSchedulesInOwnGroup",
          actions: [
            "scheduler:CreateSchedule",
            "scheduler:UpdateSchedule",
            "scheduler:DeleteSchedule",
            "scheduler:GetSchedule",
          ],
          resources: [
            `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${names.scheduleGroup}/*`,
          ],
        }),
      );
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: "PassSchedulerRoleToSchedulerOnly",
          actions: ["iam:PassRole"],
          resources: [stateful.schedulerRole.roleArn],
          conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
        }),
      );
      // Reminders already due are invoked directly (async) instead of scheduled in the past.
      sendReminder.fn.grantInvoke(fn.role);
      acknowledge(
        fn.role,
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/" +
          `${names.scheduleGroup}/*]`,
        "Schedule names derive from reminder ids created at run time; the wildcard is confined to this " +
          "deployment's own schedule group.",
      );
      acknowledge(
        fn.role,
        `AwsSolutions-IAM5[Resource::${nagArnRef(this, sendReminder.fn, sendReminder.functionArn)}:*]`,
        "Added by grantInvoke so qualified ARNs (versions/aliases) of send-reminder can be invoked; still " +
          "only that one function.",
      );
      return fn;
    };

    const scheduleSync = schedulesFor(
      new AppFunction(this, "ScheduleSync", {
        ...common,
        name: "schedule-sync",
        functionName: names.function("schedule-sync"),
        description: "Makes reminder schedules converge on the reminder items (table stream)",
        timeout: Duration.seconds(60),
        memorySize: 256,
        reservedConcurrency: 5,
      })
        .bindTable(table, "stream")
        // Confirms on each reminder that its schedule is in place (the reconciler re-syncs the rest).
        .bindTable(table, "update"),
    );
    scheduleSync.fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(stateful.syncDlq.queue),
        filters: [
          lambda.FilterCriteria.filter({
            dynamodb: { Keys: { sk: { S: lambda.FilterRule.beginsWith(REMINDER_SK_PREFIX) } } },
          }),
        ],
      }),
    );
    acknowledge(
      scheduleSync.fn,
      "HIPAA.Security-LambdaDLQ",
      "Invoked synchronously by its stream event source mapping, whose on-failure destination (an " +
        "encrypted SQS queue) receives batches that fail after retries; a function DLQ would never be used.",
    );

    const emailEvents = new AppFunction(this, "EmailEvents", {
      ...common,
      name: "email-events",
      functionName: names.function("email-events"),
      description: "Records SES sends on their reminder, bounces and complaints on the patient",
      memorySize: 256,
      reservedConcurrency: 2,
    })
      .bindTable(table, "readWrite")
      .sendAsyncFailuresTo(stateful.emailEventsDlq.queue, 2, Duration.hours(6));
    new events.Rule(this, "SesEmailEvents", {
      description: "SES send, bounce and complaint events of this deployment's configuration set",
      eventPattern: {
        source: ["aws.ses"],
        detailType: [...SES_EVENT_DETAIL_TYPES],
        // Several stages may share an account (and its default bus): take only our configuration set's.
        detail: {
          mail: { tags: { "ses:configuration-set": [stateful.configurationSet.configurationSetName] } },
        },
      },
      targets: [
        new targets.LambdaFunction(emailEvents.fn, { retryAttempts: 8, maxEventAge: Duration.hours(24) }),
      ],
    });

    const adminApi = new AppFunction(this, "AdminApi", {
      ...common,
      name: "admin-api",
      functionName: names.function("admin-api"),
      description: "Staff admin API (HTTP API, payload v2)",
      memorySize: 1024,
      reservedConcurrency: 20,
      environment: { CLINIC_DEFAULTS: JSON.stringify(clinicDefaults(config)) },
      // Served at GET /openapi.json; built here so the OpenAPI builder is not in the function.
      besideBundle: { [OPENAPI_FILE_NAME]: adminApiOpenApiDocumentFile(Stage.of(this)!.outdir) },
    }).bindTable(table, "readWrite");
    acknowledge(
      adminApi.fn,
      "HIPAA.Security-LambdaDLQ",
      "Invoked synchronously by API Gateway only: errors go back to the caller as HTTP responses, so an " +
        "async dead-letter queue would never receive anything.",
    );

    // The pages behind patients' email links, public: apart from the staff API, so what anyone can reach
    // runs with a role of its own, the only one besides send-reminder's that reads the link key.
    const patientPages = new AppFunction(this, "PatientPages", {
      ...common,
      name: "patient-pages",
      functionName: names.function("patient-pages"),
      description:
        "Pages behind the links in patients' e-mails: Confirm, Cancel, unsubscribe (HTTP API, payload v2)",
      // Reached by anyone with a link; a flood of them must not take the staff API's concurrency.
      reservedConcurrency: 5,
      environment: { CLINIC_DEFAULTS: JSON.stringify(clinicDefaults(config)) },
      readsSecrets: true,
    }).bindTable(table, "readWrite");
    acknowledge(
      patientPages.fn,
      "HIPAA.Security-LambdaDLQ",
      "Invoked synchronously by API Gateway only: errors go back to the caller as HTTP responses, so an " +
        "async dead-letter queue would never receive anything.",
    );

    // The console comes before the API: the API's authorizer must accept the console's app client, while
    // the console's CSP and config.json name the API's URL (a lazy value here). In CloudFormation they meet
    // without a cycle because the browser's CORS is answered by admin-api, whose environment can name the
    // console's CloudFront origin; API Gateway's own CORS setting would close the loop (API -> console ->
    // CSP -> API).
    this.staffConsole = new StaffConsole(this, "StaffConsole", {
      namePrefix: names.prefix,
      userPool: stateful.staff.userPool,
      apiUrl: Lazy.string({ produce: () => this.api.url }),
      assetsDir: props.consoleAssetsDir,
      key,
      logRetentionDays: config.logRetentionDays,
    });
    adminApi.addEnvironment("CORS_ORIGINS", [this.staffConsole.origin, ...config.corsOrigins].join(","));

    this.api = new ClinicHttpApi(this, "HttpApi", {
      apiName: `${names.prefix}-admin`,
      handler: adminApi.fn,
      patientPages: patientPages.fn,
      userPool: stateful.staff.userPool,
      userPoolClients: [stateful.staff.webClient, this.staffConsole.client],
      key,
      logRetentionDays: config.logRetentionDays,
    });
    sendReminder.addEnvironment("PUBLIC_API_URL", this.api.url);
    // send-reminder signs patients' Confirm and Cancel links; patient-pages checks them, both through the
    // Parameters and Secrets extension (`readsSecrets`). Read access by the functions' own policies:
    // `secret.grantRead` would also add them to the data key's policy, and the stateful stack must not name
    // roles of this one. The key is the table's, which both already decrypt.
    for (const fn of [sendReminder, patientPages]) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ["secretsmanager:GetSecretValue"],
          resources: [stateful.linkKeySecret.secretArn],
        }),
      );
      fn.addEnvironment("PATIENT_LINK_SECRET_ARN", stateful.linkKeySecret.secretArn);
    }

    const reconciler = schedulesFor(
      new AppFunction(this, "Reconciler", {
        ...common,
        name: "reconciler",
        functionName: names.function("reconciler"),
        description: "Re-drives reminders a crash or a lost event left unsettled (every few minutes)",
        timeout: Duration.minutes(2),
        memorySize: 256,
        // One run at a time: two would hand the same reminder over twice (send-reminder would still send once).
        reservedConcurrency: 1,
      }).bindTable(table, "readWrite"),
    );
    acknowledge(
      reconciler.fn,
      "HIPAA.Security-LambdaDLQ",
      "Invoked by its own rate schedule with no retries: a failed run is simply done again by the next one, " +
        "and failures raise the ReconcilerErrors alarm.",
    );
    this.runEvery(reconciler, "Reconciler", RECONCILER_RATE, "the reminder reconciler");

    // Its own function rather than a second job of the reconciler: the SES client would take the
    // reconciler's bundle past its budget, and neither job's failure should hold up the other.
    const remsWatch = sendsEmail(
      new AppFunction(this, "RemsWatch", {
        ...common,
        name: "rems-watch",
        functionName: names.function("rems-watch"),
        description:
          "Counts overdue REMS monitoring forms (for their alarm) and sends the clinic its daily digest of them",
        timeout: Duration.minutes(1),
        memorySize: 256,
        // The digest is claimed with a conditional write, so overlapping runs would still send it once.
        reservedConcurrency: 1,
      }).bindTable(table, "readWrite"),
    );
    acknowledge(
      remsWatch.fn,
      "HIPAA.Security-LambdaDLQ",
      "Invoked by its own rate schedule with no retries: a failed run is simply done again by the next one, " +
        "and failures raise the RemsWatchErrors alarm.",
    );
    this.runEvery(remsWatch, "RemsWatch", REMS_WATCH_RATE, "the REMS monitoring forms' watch");

    this.functions = {
      adminApi,
      patientPages,
      scheduleSync,
      sendReminder,
      emailEvents,
      reconciler,
      remsWatch,
    };

    const alarms = new OperationalAlarms(this, "Alarms", {
      topic: stateful.alarmTopic,
      prefix: names.prefix,
    });
    alarms.deadLetterQueue(
      "ScheduleDlqNotEmpty",
      stateful.scheduleDlq.queue,
      "Scheduler could not invoke send-reminder for a reminder schedule.",
    );
    alarms.deadLetterQueue(
      "ScheduleSyncDlqNotEmpty",
      stateful.syncDlq.queue,
      "schedule-sync failed a stream batch after its retries: some reminders may have no schedule.",
    );
    alarms.deadLetterQueue(
      "SendReminderDlqNotEmpty",
      stateful.reminderDlq.queue,
      "send-reminder failed after Lambda's retries: a reminder was not sent.",
    );
    alarms.deadLetterQueue(
      "EmailEventsDlqNotEmpty",
      stateful.emailEventsDlq.queue,
      "email-events failed: a bounce or complaint was not recorded on the patient.",
    );
    for (const [id, fn] of Object.entries({
      AdminApi: adminApi,
      PatientPages: patientPages,
      ScheduleSync: scheduleSync,
      SendReminder: sendReminder,
      EmailEvents: emailEvents,
      Reconciler: reconciler,
      RemsWatch: remsWatch,
    })) {
      alarms.functionHealth(id, fn.fn);
    }
    alarms.streamLag("ScheduleSyncIteratorAge", scheduleSync.fn);
    alarms.remindersFailed("RemindersFailed", "reconciler");
    alarms.remsFormsOverdue("RemsFormsOverdue", "rems-watch");
    alarms.apiServerErrors(
      "AdminApi5xx",
      this.api.api.metricServerError({ period: Duration.minutes(5), statistic: "Sum" }),
    );
    alarms.sesReputation();

    new CfnOutput(this, "ApiUrl", { value: this.api.url });
    new CfnOutput(this, "ConsoleUrl", {
      description: "The staff console: staff sign in here",
      value: this.staffConsole.url,
    });
    new CfnOutput(this, "ConsoleLoginDomain", {
      description: "Cognito managed login used by the console",
      value: this.staffConsole.loginUrl,
    });
    new CfnOutput(this, "ConsoleClientId", { value: this.staffConsole.client.userPoolClientId });
    new CfnOutput(this, "SendReminderFunctionArn", {
      value: this.formatArn({
        service: "lambda",
        resource: "function",
        resourceName: names.function("send-reminder"),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    });
  }

  /**
   * Runs a function on an EventBridge Scheduler rate, through a role that may invoke it alone. No retries:
   * a failed run is done again by the next one, and an event older than one period is dropped.
   */
  private runEvery(fn: AppFunction, id: string, rate: Duration, what: string): void {
    const invoker = new iam.Role(this, `${id}ScheduleRole`, {
      description: `Assumed by EventBridge Scheduler to run ${what}`,
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID } },
      }),
    });
    new Schedule(this, `${id}Rate`, {
      description: `Runs ${what}`,
      schedule: ScheduleExpression.rate(rate),
      timeWindow: TimeWindow.off(),
      target: new LambdaInvoke(fn.fn, { role: invoker, retryAttempts: 0, maxEventAge: rate }),
    });
    acknowledge(
      invoker,
      "HIPAA.Security-IAMNoInlinePolicy",
      `The inline policy lets Scheduler invoke ${what} and nothing else; it is not meant to be shared.`,
    );
    acknowledge(
      invoker,
      `AwsSolutions-IAM5[Resource::${nagArnRef(this, fn.fn, fn.functionArn)}:*]`,
      `Added by the Lambda target's grant so qualified ARNs of ${what} can be invoked; still only that one function.`,
    );
  }
}
