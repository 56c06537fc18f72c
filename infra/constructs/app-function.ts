import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { type ICommandHooks, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { AUDIT_KEY_PREFIX } from "../../shared/adapters/dynamodb/item-keys.js";
import type { AppConfig } from "../config.js";
import { acknowledge, acknowledgeKeyGrantWildcards, nagArnRef } from "../nag-acknowledge.js";
import type { FunctionName } from "../names.js";
import {
  aliasEsbuildArgs,
  dropLabelsEsbuildArgs,
  ESM_REQUIRE_BANNER,
  LAMBDA_NODE_TARGET,
  MAIN_FIELDS,
} from "./lambda-bundle.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Metrics namespace shared by every function (Powertools Metrics). */
export const METRICS_NAMESPACE = "ClinicScheduler";

export interface AppFunctionProps {
  /** The entry `functions/<name>.ts`; also the Powertools service name. */
  readonly name: FunctionName;
  readonly functionName: string;
  readonly description: string;
  readonly config: Pick<
    AppConfig,
    "stage" | "logLevel" | "logRetentionDays" | "tracing" | "reservedConcurrency"
  >;
  /** The customer-managed key that encrypts the log group. */
  readonly key: IKey;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Used only when `config.reservedConcurrency` is on (see the README, Operations: new accounts have a low quota). */
  readonly reservedConcurrency: number;
  readonly environment?: Record<string, string>;
  /**
   * Reads Secrets Manager through the AWS Parameters and Secrets Lambda Extension (a layer serving
   * GetSecretValue on localhost) rather than a bundled SDK client: see shared/adapters/secrets.
   */
  readonly readsSecrets?: boolean;
  /**
   * Files put into the function's asset beside its bundle, by name in the asset: path on this machine
   * (admin-api's OpenAPI document, written at synth). Copied by an afterBundling hook; the asset's hash is
   * of the output, so a changed file is a changed asset.
   */
  readonly besideBundle?: Readonly<Record<string, string>>;
}

/** "update": UpdateItem only (schedule-sync confirming schedules on reminder items). */
export type TableAccess = "read" | "readWrite" | "update" | "stream";

/** Transactions are authorized per item action (TransactWriteItems needs PutItem, UpdateItem...). */
export const TABLE_READ_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
] as const;
export const TABLE_WRITE_ACTIONS = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
] as const;

/**
 * One Lambda function with the project's defaults fixed inside: Node.js 22 on arm64, ESM bundle with the
 * AWS SDK included and source maps, a KMS-encrypted log group with retention (retained on delete), JSON
 * logs at the configured level, a role with no managed policies (only what the intent methods grant).
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** Why this role has statements on Resource "*"; becomes the one nag acknowledgement for it. */
  private readonly wildcardReasons = new Set<string>();

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { config } = props;

    this.logGroup = new logs.LogGroup(this, "Logs", {
      encryptionKey: props.key,
      retention: config.logRetentionDays as logs.RetentionDays,
      // Logs may be needed for an investigation after the stack is gone.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole: that managed policy allows writing to any
    // log group in the account; this one may write only to its own.
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of ${props.functionName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, "Function", {
      functionName: props.functionName,
      description: props.description,
      entry: `${repoRoot}functions/${props.name}.ts`,
      handler: "handler",
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[config.logLevel],
      // INFO keeps the platform REPORT lines (duration, memory, init) for troubleshooting.
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: config.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      reservedConcurrentExecutions: config.reservedConcurrency ? props.reservedConcurrency : undefined,
      environment: {
        STAGE: config.stage,
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: config.logLevel,
        NODE_OPTIONS: "--enable-source-maps",
        ...props.environment,
      },
      ...(props.readsSecrets
        ? {
            paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(
              lambda.ParamsAndSecretsVersions.V1_0_103,
              // The function keeps the keys itself (5 minutes, and re-reads at once for a key id it has
              // not seen: a rotation). A second cache here would hand it the old version on that re-read.
              { cacheEnabled: false },
            ),
          }
        : {}),
      bundling: {
        bundleAwsSDK: true,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: LAMBDA_NODE_TARGET,
        mainFields: MAIN_FIELDS,
        banner: ESM_REQUIRE_BANNER,
        esbuildArgs: { ...aliasEsbuildArgs(), ...dropLabelsEsbuildArgs() },
        ...(props.besideBundle ? { commandHooks: copyAfterBundling(props.besideBundle) } : {}),
      },
    });

    this.acknowledgeDefaults(props);
  }

  get functionArn(): string {
    return this.fn.functionArn;
  }

  /**
   * Sets TABLE_NAME and grants the access the function's use cases need, no more. Item-level actions only:
   * no Scan (every request path is bounded by a key) and no table management.
   */
  bindTable(table: Table, access: TableAccess): this {
    this.fn.addEnvironment("TABLE_NAME", table.tableName);
    if (access === "stream") {
      // Includes dynamodb:ListStreams, which has no resource-level permission (Resource "*").
      table.grantStreamRead(this.fn);
      this.wildcardReasons.add(
        "dynamodb:ListStreams (used by the stream event source mapping) does not support resource-level permissions",
      );
      return this;
    }
    const actions = {
      read: TABLE_READ_ACTIONS,
      readWrite: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
      update: ["dynamodb:UpdateItem"],
    }[access];
    table.grant(this.fn, ...actions);
    if (access !== "read") this.denyChangingAuditEntries(table);
    table.encryptionKey?.grantEncryptDecrypt(this.fn);
    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::${nagArnRef(Stack.of(this), table, table.tableArn)}/index/*]`,
      "The table's own GSIs (gsi1-4: by patient, series, month, unsettled reminders); queries by index are how every " +
        "request stays bounded by a key without a Scan.",
    );
    return this;
  }

  /**
   * Audit entries are written once and never changed or deleted by the application (DynamoDB's TTL removes
   * them after six years): whatever the code does, this role cannot update or delete an item whose
   * partition key starts with AUDIT#. (Creating one is a PutItem, which the code only does with
   * attribute_not_exists.)
   */
  private denyChangingAuditEntries(table: Table): void {
    if (this.auditDenied) return;
    this.auditDenied = true;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "AuditEntriesAreNeverChanged",
        effect: iam.Effect.DENY,
        actions: [
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:PartiQLUpdate",
          "dynamodb:PartiQLDelete",
        ],
        resources: [table.tableArn],
        conditions: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": [`${AUDIT_KEY_PREFIX}*`] } },
      }),
    );
  }

  private auditDenied = false;

  /** Async invocations (Scheduler, EventBridge) that still fail after the retries land in `queue`. */
  sendAsyncFailuresTo(queue: IQueue, retryAttempts: number, maxEventAge: Duration): this {
    this.fn.configureAsyncInvoke({ onFailure: new SqsDestination(queue), retryAttempts, maxEventAge });
    acknowledge(
      this.fn,
      "HIPAA.Security-LambdaDLQ",
      "Async failures go to an encrypted SQS on-failure destination (EventInvokeConfig), the successor of " +
        "the function-level DLQ, which also records the error; the queue depth is alarmed.",
    );
    return this;
  }

  addEnvironment(key: string, value: string): this {
    this.fn.addEnvironment(key, value);
    return this;
  }

  private acknowledgeDefaults(props: AppFunctionProps): void {
    acknowledge(
      this.fn,
      "AwsSolutions-L1",
      "The runtime is pinned to Node.js 22 (DESIGN.md) to match the tested toolchain; a newer runtime is " +
        "adopted deliberately after the tests pass on it, not by each deploy.",
    );
    acknowledge(
      this.fn,
      "HIPAA.Security-LambdaInsideVPC",
      "The function talks only to AWS service endpoints (DynamoDB, Scheduler, SES, Lambda) over TLS with IAM " +
        "auth and reaches no private network resource; a VPC would add NAT/endpoint cost without isolating anything.",
    );
    if (!props.config.reservedConcurrency) {
      acknowledge(
        this.fn,
        "HIPAA.Security-LambdaConcurrency",
        "Reserved concurrency is switched off by context reservedConcurrency=false, for accounts whose " +
          "Lambda concurrency quota is still the new-account minimum (reserving would fail the deploy).",
      );
    }
    acknowledgeKeyGrantWildcards(this.role);
    acknowledge(
      this.role,
      "HIPAA.Security-IAMNoInlinePolicy",
      "The inline policy is built by CDK grants for this one function's resources; being unshareable is " +
        "the point (a managed policy would invite reuse by other principals).",
    );
    if (props.config.tracing) {
      this.wildcardReasons.add(
        "xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions",
      );
    }
    // Acknowledgements are read when the app is validated, after every intent method has run.
    this.node.addValidation({
      validate: () => {
        if (this.wildcardReasons.size > 0) {
          acknowledge(
            this.role,
            "AwsSolutions-IAM5[Resource::*]",
            `AWS requires Resource "*" here: ${[...this.wildcardReasons].join("; ")}.`,
          );
        }
        return [];
      },
    });
  }
}

/**
 * Copies each file into the bundle's output directory. Bundling runs locally (esbuild is a dependency),
 * so the source paths are this machine's.
 */
function copyAfterBundling(files: Readonly<Record<string, string>>): ICommandHooks {
  const quote = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) =>
      Object.entries(files).map(([name, from]) => `cp ${quote(from)} ${quote(join(outputDir, name))}`),
  };
}
