import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { Validations } from "aws-cdk-lib";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks, HIPAASecurityChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_ROUTES } from "../../infra/constructs/http-api.js";
import { STAFF_GROUPS } from "../../infra/constructs/staff-identity.js";
import { keys } from "../../shared/adapters/dynamodb/item-keys.js";
import { GSI_NAMES, TABLE_KEYS } from "../../shared/adapters/dynamodb/table-keys.js";
import {
  adminApiEnv,
  emailEventsEnv,
  patientPagesEnv,
  readEnv,
  reconcilerEnv,
  remsWatchEnv,
  scheduleSyncEnv,
  sendReminderEnv,
} from "../../shared/config/env.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import { lambdaAuthorizerClaims } from "../../shared/http/authenticators.js";
import { OPENAPI_FILE_NAME } from "../../shared/http/openapi-file.js";
import { PATIENT_PAGE_ROUTES } from "../../shared/http/patient-pages-app.js";
import { ADMIN_API_ROUTES } from "../../shared/http/staff-api-app.js";
import type { Deps } from "../../shared/use-cases/deps.js";
import { leakedDocs, missingRoutes } from "../support/bundle-contents.js";
import { freshTable } from "../support/dynamodb.js";
import { services, TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";
import { type CfnResource, onlyResource, resourcesOf, type SynthesizedApp, synthApp } from "./synth-app.js";

const run = promisify(execFile);

/**
 * Invokes a deployed bundle's handler with `event` in a fresh `node`, given only what Lambda would set (and
 * `env`), so nothing from this test process (profiles, tsx) leaks in.
 */
async function invokeBundle(bundle: string, event: object, env: Record<string, string>) {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    process.stdout.write(JSON.stringify(await handler(JSON.parse(process.env.EVENT), {})));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    env: {
      PATH: process.env.PATH ?? "",
      AWS_REGION: TEST_REGION,
      POWERTOOLS_LOG_LEVEL: "ERROR",
      EVENT: JSON.stringify(event),
      ...env,
    },
  });
  return JSON.parse(stdout) as { statusCode: number; body: string; headers?: Record<string, string> };
}

let synth: SynthesizedApp;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  synth = synthApp();
  stateful = synth.statefulTemplate;
  stateless = synth.statelessTemplate;
});

const props = (resource: CfnResource) => resource.Properties ?? {};
const json = (value: unknown) => JSON.stringify(value);
const logicalIdOf = (template: Template, type: string) => onlyResource(template, type)[0];
/**
 * The application's five functions, by their fixed names. The stack also holds CDK's BucketDeployment
 * function, which runs only during a deploy to upload the staff console (test/infra/console.test.ts).
 */
const appFunctions = (template: Template) =>
  resourcesOf(template, "AWS::Lambda::Function").filter(([, f]) =>
    String(props(f).FunctionName ?? "").startsWith("clinic-scheduler-demo-"),
  );

describe("stateful stack", () => {
  it("keeps the table: on-demand, PITR, deletion protection, retained, CMK-encrypted", () => {
    const [, table] = onlyResource(stateful, "AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Retain");
    expect(table.UpdateReplacePolicy).toBe("Retain");
    const p = props(table);
    expect(p.BillingMode).toBe("PAY_PER_REQUEST");
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.PointInTimeRecoverySpecification).toMatchObject({ PointInTimeRecoveryEnabled: true });
    expect(p.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: "KMS",
      KMSMasterKeyId: { "Fn::GetAtt": [logicalIdOf(stateful, "AWS::KMS::Key"), "Arn"] },
    });
  });

  it("has the key schema, GSIs, TTL and stream the function code expects", () => {
    const [, table] = onlyResource(stateful, "AWS::DynamoDB::Table");
    const p = props(table);
    expect(p.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(p.StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true });
    const gsis = p.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(gsis.map((g) => g.IndexName).sort()).toEqual(["gsi1", "gsi2", "gsi3", "gsi4"]);
    for (const expected of GSI_NAMES) {
      const gsi = gsis.find((g) => g.IndexName === expected.indexName);
      expect(gsi?.KeySchema).toEqual([
        { AttributeName: expected.partitionKey, KeyType: "HASH" },
        { AttributeName: expected.sortKey, KeyType: "RANGE" },
      ]);
      expect(gsi?.Projection).toEqual({ ProjectionType: "ALL" });
    }
    const attributes = p.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(attributes.every((a) => a.AttributeType === "S")).toBe(true);
    expect(attributes).toHaveLength(10);
  });

  it("uses a retained customer-managed key with rotation", () => {
    const [, key] = onlyResource(stateful, "AWS::KMS::Key");
    expect(props(key).EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe("Retain");
    // CloudWatch Logs may use it only for this account's log groups.
    expect(json(props(key).KeyPolicy)).toContain("kms:EncryptionContext:aws:logs:arn");
  });

  it("creates the schedule group the functions are told about", () => {
    stateful.hasResourceProperties("AWS::Scheduler::ScheduleGroup", {
      Name: "clinic-scheduler-demo-reminders",
    });
    stateless.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: "clinic-scheduler-demo-schedule-sync",
      Environment: {
        Variables: Match.objectLike({ SCHEDULE_GROUP_NAME: "clinic-scheduler-demo-reminders" }),
      },
    });
  });

  it("lets Scheduler's role invoke send-reminder only, for schedules of this account's group", () => {
    const [roleId, role] = onlyResource(stateful, "AWS::IAM::Role");
    const trust = json(props(role).AssumeRolePolicyDocument);
    expect(trust).toContain("scheduler.amazonaws.com");
    expect(trust).toContain("aws:SourceAccount");
    expect(trust).toContain("aws:SourceArn");
    const [, policy] = onlyResource(stateful, "AWS::IAM::Policy");
    expect(json(props(policy).Roles)).toContain(roleId);
    const statements = (
      props(policy).PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }
    ).Statement;
    const invoke = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith("lambda:")));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]!.Action).toBe("lambda:InvokeFunction");
    expect(json(invoke[0]!.Resource)).toContain(":function:clinic-scheduler-demo-send-reminder");
    expect(json(invoke[0]!.Resource)).not.toContain("*");
  });

  it("encrypts every dead-letter queue with the CMK and denies non-TLS access", () => {
    const keyId = logicalIdOf(stateful, "AWS::KMS::Key");
    const queues = resourcesOf(stateful, "AWS::SQS::Queue");
    expect(queues).toHaveLength(4);
    for (const [, queue] of queues) {
      expect(props(queue).KmsMasterKeyId).toEqual({ "Fn::GetAtt": [keyId, "Arn"] });
      expect(props(queue).MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
    const policies = resourcesOf(stateful, "AWS::SQS::QueuePolicy");
    const guarded = policies
      .filter(([, p]) => json(props(p).PolicyDocument).includes('"aws:SecureTransport":"false"'))
      .flatMap(([, p]) => (props(p).Queues as { Ref: string }[]).map((q) => q.Ref));
    expect(guarded.sort()).toEqual(queues.map(([id]) => id).sort());
  });

  it("requires TLS and suppresses bounces and complaints on the SES configuration set", () => {
    stateful.hasResourceProperties("AWS::SES::ConfigurationSet", {
      Name: "clinic-scheduler-demo-email",
      DeliveryOptions: { TlsPolicy: "REQUIRE" },
      SuppressionOptions: { SuppressedReasons: Match.arrayEquals(["BOUNCE", "COMPLAINT"]) },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    const [, destination] = onlyResource(stateful, "AWS::SES::ConfigurationSetEventDestination");
    const event = props(destination).EventDestination as Record<string, unknown>;
    // Sends too: their tags settle a reminder whose sender died right after SES accepted the email.
    expect(event.MatchingEventTypes).toEqual(["send", "bounce", "complaint"]);
    expect(json(event.EventBridgeDestination)).toContain(":event-bus/default");
  });

  it("keeps the key of patients' links in Secrets Manager, encrypted with the CMK, retained", () => {
    const [, secret] = onlyResource(stateful, "AWS::SecretsManager::Secret");
    expect(secret.DeletionPolicy).toBe("Retain");
    expect(props(secret).KmsKeyId).toEqual({ "Fn::GetAtt": [logicalIdOf(stateful, "AWS::KMS::Key"), "Arn"] });
    expect(props(secret).GenerateSecretString).toMatchObject({ PasswordLength: 48 });
  });

  it("sends as the configured sender identity through the configuration set", () => {
    stateful.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "reminders@clinic.example",
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
  });

  it("runs a staff user pool: admin-created accounts, TOTP MFA, strong passwords, threat protection", () => {
    const [, pool] = onlyResource(stateful, "AWS::Cognito::UserPool");
    expect(pool.DeletionPolicy).toBe("Retain");
    const p = props(pool);
    expect(p.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(p.MfaConfiguration).toBe("ON");
    expect(p.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(p.Policies).toEqual({
      PasswordPolicy: expect.objectContaining({
        MinimumLength: 14,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      }),
    });
    expect(p.UserPoolTier).toBe("PLUS");
    expect(p.UserPoolAddOns).toEqual({ AdvancedSecurityMode: "ENFORCED" });
    expect(p.DeletionProtection).toBe("ACTIVE");

    const groups = resourcesOf(stateful, "AWS::Cognito::UserPoolGroup").map(([, g]) => props(g).GroupName);
    expect(groups.sort()).toEqual(["admin", "clinician", "staff"]);
    expect(STAFF_GROUPS.map((g) => g.name).sort()).toEqual(groups.sort());

    const [, client] = onlyResource(stateful, "AWS::Cognito::UserPoolClient");
    expect(props(client).GenerateSecret).toBe(false);
    expect(props(client).ExplicitAuthFlows).toEqual(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    expect(props(client).AllowedOAuthFlowsUserPoolClient).toBe(false);
  });

  it("sends alarms to a KMS-encrypted, TLS-only topic with the configured e-mail subscription", () => {
    const [topicId, topic] = onlyResource(stateful, "AWS::SNS::Topic");
    expect(props(topic).KmsMasterKeyId).toEqual({
      "Fn::GetAtt": [logicalIdOf(stateful, "AWS::KMS::Key"), "Arn"],
    });
    stateful.hasResourceProperties("AWS::SNS::TopicPolicy", {
      Topics: [{ Ref: topicId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      }),
    });
    stateful.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "it@clinic.example",
      TopicArn: { Ref: topicId },
    });
  });
});

describe("stateless stack: functions", () => {
  const functions = () => appFunctions(stateless);
  const fnNamed = (name: string) => {
    const found = functions().find(([, f]) => props(f).FunctionName === `clinic-scheduler-demo-${name}`);
    if (!found) throw new Error(`no function ${name}`);
    return found;
  };
  const envOf = (name: string) =>
    (props(fnNamed(name)[1]).Environment as { Variables: Record<string, unknown> }).Variables;

  it("runs every function on Node.js 22, arm64, with JSON logs, tracing and reserved concurrency", () => {
    expect(functions()).toHaveLength(7);
    for (const [, fn] of functions()) {
      const p = props(fn);
      expect(p.Runtime).toBe("nodejs22.x");
      expect(p.Architectures).toEqual(["arm64"]);
      expect(p.Handler).toBe("index.handler");
      expect(p.TracingConfig).toEqual({ Mode: "Active" });
      expect(p.ReservedConcurrentExecutions).toBeGreaterThan(0);
      expect(p.LoggingConfig).toMatchObject({ LogFormat: "JSON", ApplicationLogLevel: "INFO" });
    }
  });

  it("gives every function its own retained, KMS-encrypted log group with retention", () => {
    const logGroups = resourcesOf(stateless, "AWS::Logs::LogGroup");
    expect(logGroups).toHaveLength(9); // seven functions, the API's access log and the console's deployment
    for (const [, group] of logGroups) {
      expect(group.DeletionPolicy).toBe("Retain");
      expect(props(group).RetentionInDays).toBe(365);
      expect(json(props(group).KmsKeyId)).toContain("DataKey");
    }
    for (const [, fn] of functions()) {
      const { LogGroup } = props(fn).LoggingConfig as { LogGroup: { Ref: string } };
      expect(stateless.toJSON().Resources[LogGroup.Ref].Type).toBe("AWS::Logs::LogGroup");
    }
  });

  it("sets the environment each function reads", () => {
    for (const name of [
      "admin-api",
      "patient-pages",
      "schedule-sync",
      "send-reminder",
      "email-events",
      "reconciler",
      "rems-watch",
    ]) {
      const env = envOf(name);
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining([
          "TABLE_NAME",
          "STAGE",
          "POWERTOOLS_SERVICE_NAME",
          "POWERTOOLS_METRICS_NAMESPACE",
          "POWERTOOLS_LOG_LEVEL",
        ]),
      );
      expect(env.POWERTOOLS_SERVICE_NAME).toBe(name);
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe("ClinicScheduler");
      expect(env.NODE_OPTIONS).toBe("--enable-source-maps");
      expect(env.STAGE).toBe("demo");
    }
    expect(Object.keys(envOf("schedule-sync"))).toEqual(
      expect.arrayContaining([
        "SCHEDULE_GROUP_NAME",
        "SCHEDULER_ROLE_ARN",
        "SEND_REMINDER_FUNCTION_ARN",
        "SCHEDULE_DLQ_ARN",
      ]),
    );
    expect(envOf("schedule-sync").SEND_REMINDER_FUNCTION_ARN).toEqual({
      "Fn::GetAtt": [fnNamed("send-reminder")[0], "Arn"],
    });
    expect(envOf("send-reminder").SENDER_EMAIL).toBe("reminders@clinic.example");
    expect(envOf("send-reminder").PUBLIC_API_URL).toEqual({
      "Fn::GetAtt": [logicalIdOf(stateless, "AWS::ApiGatewayV2::Api"), "ApiEndpoint"],
    });
    expect(Object.keys(envOf("send-reminder"))).toContain("SES_CONFIGURATION_SET");
    // The link key: send-reminder signs, patient-pages checks, nothing else reads it.
    for (const name of ["send-reminder", "patient-pages"])
      expect(json(envOf(name).PATIENT_LINK_SECRET_ARN), name).toContain("PatientLinkKeys");
    for (const name of ["admin-api", "schedule-sync", "email-events", "reconciler", "rems-watch"])
      expect(envOf(name).PATIENT_LINK_SECRET_ARN, name).toBeUndefined();
    // Both read it through the Parameters and Secrets extension layer (no Secrets Manager client in the
    // bundle), with the extension's cache off: the function's own cache re-reads at once after a rotation.
    for (const name of ["send-reminder", "patient-pages"]) {
      const [, fn] = fnNamed(name);
      // The layer's ARN by region, for arm64 (the stack is region-agnostic: a mapping picks it at deploy).
      expect(json(props(fn).Layers), name).toMatch(/Paramsandsecrets.*arm64/);
      expect(envOf(name).PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED, name).toBe("false");
    }
    for (const name of ["admin-api", "schedule-sync", "email-events", "reconciler", "rems-watch"])
      expect(props(fnNamed(name)[1]).Layers, name).toBeUndefined();
    // The digest goes out from the reminders' sender, through the same configuration set.
    expect(envOf("rems-watch").SENDER_EMAIL).toBe("reminders@clinic.example");
    expect(envOf("rems-watch").SES_CONFIGURATION_SET).toEqual(envOf("send-reminder").SES_CONFIGURATION_SET);
    expect(envOf("send-reminder").CLINIC_DEFAULTS).toBe(envOf("admin-api").CLINIC_DEFAULTS);
    expect(envOf("patient-pages").CLINIC_DEFAULTS).toBe(envOf("admin-api").CLINIC_DEFAULTS);
    expect(JSON.parse(envOf("admin-api").CLINIC_DEFAULTS as string)).toEqual({
      name: "Harbor Wellness Clinic",
      timezone: "America/New_York",
      phone: "+1 555 010 0100",
      address: "100 Harbor Street, Suite 2, Boston, MA 02110",
      chairs: 4,
      offices: 2,
    });
  });

  it("gives each function an environment its code accepts (the same schemas read it at cold start)", () => {
    // CloudFormation resolves ARNs and URLs at deploy time; stand in plausible values for them here.
    const resolved = (env: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          typeof v === "string"
            ? v
            : k.endsWith("_URL")
              ? "https://api.example.com"
              : k.endsWith("_ORIGINS")
                ? "https://d111111abcdef8.cloudfront.net"
                : "arn:aws:lambda:us-east-1:1:function:x",
        ]),
      );
    const admin = readEnv(adminApiEnv, resolved(envOf("admin-api")));
    expect(admin.CLINIC_DEFAULTS?.name).toBe("Harbor Wellness Clinic");
    expect(admin.CLINIC_DEFAULTS?.hours.mon.length).toBeGreaterThan(0);
    expect(admin.CORS_ORIGINS).toEqual(["https://d111111abcdef8.cloudfront.net"]);
    const pages = readEnv(patientPagesEnv, resolved(envOf("patient-pages")));
    expect(pages.CLINIC_DEFAULTS?.name).toBe("Harbor Wellness Clinic");
    expect(pages.PATIENT_LINK_SECRET_ARN).toMatch(/^arn:/);
    expect(readEnv(sendReminderEnv, resolved(envOf("send-reminder"))).CLINIC_DEFAULTS?.timezone).toBe(
      "America/New_York",
    );
    expect(() => readEnv(scheduleSyncEnv, resolved(envOf("schedule-sync")))).not.toThrow();
    expect(() => readEnv(reconcilerEnv, resolved(envOf("reconciler")))).not.toThrow();
    expect(() => readEnv(remsWatchEnv, resolved(envOf("rems-watch")))).not.toThrow();
    expect(() => readEnv(emailEventsEnv, resolved(envOf("email-events")))).not.toThrow();
  });

  it("bundles each function as a minified ESM file with a source map", () => {
    for (const [, fn] of functions()) {
      const { S3Key } = props(fn).Code as { S3Key: string };
      const assetDir = join(synth.outdir, `asset.${S3Key.replace(/\.zip$/, "")}`);
      const code = readFileSync(join(assetDir, "index.mjs"), "utf8");
      expect(existsSync(join(assetDir, "index.mjs.map"))).toBe(true);
      expect(code.startsWith("import { createRequire")).toBe(true); // the ESM `require` banner
      expect(code).toContain("export{"); // ESM output, minified
      expect(code).toContain("sourceMappingURL=index.mjs.map");
      // Lambda's credentials are environment variables: the profile/SSO/IMDS chain is not bundled.
      expect(code).not.toContain("sso_start_url");
      expect(code).not.toContain("credential_process");
      // No ES import of node:http: on Node 22 its namespace loads undici at every cold start (50 ms).
      expect(code).not.toMatch(/from\s*"(node:)?http"/);
    }
  });

  it("the deployed admin-api bundle creates a patient end to end, signing with Lambda's env credentials", async () => {
    const [, fn] = fnNamed("admin-api");
    const { S3Key } = props(fn).Code as { S3Key: string };
    const bundle = join(synth.outdir, `asset.${S3Key.replace(/\.zip$/, "")}`, "index.mjs");
    const table = await freshTable("bundle");
    const event = {
      version: "2.0",
      routeKey: "POST /patients",
      rawPath: "/patients",
      rawQueryString: "",
      headers: { "content-type": "application/json" },
      requestContext: {
        http: { method: "POST", path: "/patients", protocol: "HTTP/1.1", sourceIp: "127.0.0.1" },
        authorizer: { jwt: { claims: { sub: "staff-1", "cognito:groups": "[staff]" } } },
      },
      body: JSON.stringify({
        firstName: "Ada",
        lastName: "Bundle",
        email: "ada@example.com",
        emailConsent: true,
      }),
      isBase64Encoded: false,
    };
    const response = await invokeBundle(bundle, event, {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: "lambda-session-token",
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: services().dynamodbEndpoint,
    });
    expect(response.statusCode).toBe(201);
    const { id } = JSON.parse(response.body) as { id: string };
    const stored = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.patient(id) }),
    );
    expect(stored.Item?.lastName).toBe("Bundle");
  });

  it("serves the patients' email links from the patient-pages bundle, and not from admin-api's", async () => {
    const bundleOf = (name: string) => {
      const { S3Key } = props(fnNamed(name)[1]).Code as { S3Key: string };
      return join(synth.outdir, `asset.${S3Key.replace(/\.zip$/, "")}`, "index.mjs");
    };
    const table = await freshTable("pages");
    const path = "/visit/not-a-signed-link/confirm";
    const event = {
      version: "2.0",
      routeKey: "GET /visit/{token}/{action}",
      rawPath: path,
      rawQueryString: "",
      headers: {},
      requestContext: { http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1" } },
      isBase64Encoded: false,
    };
    const env = {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: services().dynamodbEndpoint,
      CLINIC_DEFAULTS: envOf("patient-pages").CLINIC_DEFAULTS as string,
    };
    const page = await invokeBundle(bundleOf("patient-pages"), event, env);
    expect(page.statusCode).toBe(404);
    expect(page.headers?.["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("Link not recognised");
    expect(page.body).toContain("+1 555 010 0100"); // the clinic's phone, read through the store
    const admin = await invokeBundle(bundleOf("admin-api"), event, env);
    expect(admin.statusCode).toBe(404);
    expect(JSON.parse(admin.body)).toMatchObject({ code: "no-route" });
  });

  it("puts admin-api's OpenAPI document beside its bundle, and the deployed bundle serves it", async () => {
    const assetOf = (name: string) => {
      const { S3Key } = props(fnNamed(name)[1]).Code as { S3Key: string };
      return join(synth.outdir, `asset.${S3Key.replace(/\.zip$/, "")}`);
    };
    const file = join(assetOf("admin-api"), OPENAPI_FILE_NAME);
    const written = JSON.parse(readFileSync(file, "utf8")) as object;
    // What the in-process builder makes for the routes the function serves (no local-only ones).
    const app = createApp({
      deps: {} as Deps,
      authenticate: lambdaAuthorizerClaims,
      openApiDocument: apiOpenApiDocument,
    });
    expect(written).toEqual(await (await app.request("/openapi.json")).json());
    const others = [
      "patient-pages",
      "send-reminder",
      "schedule-sync",
      "email-events",
      "reconciler",
      "rems-watch",
    ];
    for (const other of others)
      expect(existsSync(join(assetOf(other), OPENAPI_FILE_NAME)), other).toBe(false);

    const event = {
      version: "2.0",
      routeKey: "$default",
      rawPath: "/openapi.json",
      rawQueryString: "",
      headers: {},
      requestContext: {
        http: { method: "GET", path: "/openapi.json", protocol: "HTTP/1.1", sourceIp: "127.0.0.1" },
      },
      isBase64Encoded: false,
    };
    const bundle = join(assetOf("admin-api"), "index.mjs");
    const response = await invokeBundle(bundle, event, { TABLE_NAME: "never-read" });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual(written);
  });

  it("leaves every route's docs (API_DOCS) out of the deployed bundles, and keeps them in admin-api's openapi.json", () => {
    const assetOf = (name: string) => {
      const { S3Key } = props(fnNamed(name)[1]).Code as { S3Key: string };
      return join(synth.outdir, `asset.${S3Key.replace(/\.zip$/, "")}`);
    };
    const codeOf = (name: string) => readFileSync(join(assetOf(name), "index.mjs"), "utf8");
    const document = readFileSync(join(assetOf("admin-api"), OPENAPI_FILE_NAME), "utf8");
    expect(document).toContain("Books a consultation, integration session, booster or one protocol session");
    // Each bundle holds no route's summary, description or documented responses, and its own routes.
    for (const [name, routes] of [
      ["admin-api", ADMIN_API_ROUTES],
      ["patient-pages", PATIENT_PAGE_ROUTES],
    ] as const) {
      const code = codeOf(name);
      expect(leakedDocs(code), name).toEqual([]);
      expect(missingRoutes(code, routes), name).toEqual([]);
    }
  });

  it("feeds only reminder records of the stream to schedule-sync, with bounded retries and a DLQ", () => {
    const [, mapping] = onlyResource(stateless, "AWS::Lambda::EventSourceMapping");
    const p = props(mapping);
    expect(p.FunctionName).toEqual({ Ref: fnNamed("schedule-sync")[0] });
    expect(json(p.EventSourceArn)).toContain("StreamArn");
    expect(JSON.parse((p.FilterCriteria as { Filters: { Pattern: string }[] }).Filters[0]!.Pattern)).toEqual({
      dynamodb: { Keys: { sk: { S: [{ prefix: "REM#" }] } } },
    });
    expect(p.BatchSize).toBe(10);
    expect(p.BisectBatchOnFunctionError).toBe(true);
    expect(p.MaximumRetryAttempts).toBe(5);
    expect(p.MaximumRecordAgeInSeconds).toBeGreaterThan(0);
    expect(p.FunctionResponseTypes).toEqual(["ReportBatchItemFailures"]);
    expect(json(p.DestinationConfig)).toContain("ScheduleSyncDlq");
  });

  it("sends failed async invocations of send-reminder and email-events to their queues", () => {
    for (const [name, queue] of [
      ["send-reminder", "SendReminderDlq"],
      ["email-events", "EmailEventsDlq"],
    ] as const) {
      stateless.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: { Ref: fnNamed(name)[0] },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { "Fn::ImportValue": Match.stringLikeRegexp(queue) } },
        },
      });
    }
  });

  it("routes this deployment's SES sends, bounces and complaints to email-events", () => {
    const [, rule] = onlyResource(stateless, "AWS::Events::Rule");
    const p = props(rule);
    expect(p.EventPattern).toMatchObject({
      source: ["aws.ses"],
      "detail-type": ["Email Sent", "Email Bounced", "Email Complained"],
    });
    expect(json(p.EventPattern)).toContain("ses:configuration-set");
    expect(p.EventBusName).toBeUndefined(); // the default bus, where SES publishes
    expect(p.Targets).toEqual([
      expect.objectContaining({ Arn: { "Fn::GetAtt": [fnNamed("email-events")[0], "Arn"] } }),
    ]);
  });
});

describe("stateless stack: the reminder reconciler", () => {
  /** The rate schedule whose target is the function of that name, and the function. */
  const scheduleOf = (name: string) => {
    const fn = resourcesOf(stateless, "AWS::Lambda::Function").find(
      ([, f]) => props(f).FunctionName === `clinic-scheduler-demo-${name}`,
    )!;
    const schedules = resourcesOf(stateless, "AWS::Scheduler::Schedule").filter(
      ([, s]) => json((props(s).Target as { Arn: unknown }).Arn) === json({ "Fn::GetAtt": [fn[0], "Arn"] }),
    );
    expect(schedules, name).toHaveLength(1);
    return { schedule: props(schedules[0]![1]), fn: props(fn[1]) };
  };

  it("runs every five minutes from a Scheduler rate, with a role that may invoke it alone", () => {
    expect(resourcesOf(stateless, "AWS::Scheduler::Schedule")).toHaveLength(2);
    const { schedule, fn } = scheduleOf("reconciler");
    expect(schedule.ScheduleExpression).toBe("rate(5 minutes)");
    expect(schedule.FlexibleTimeWindow).toEqual({ Mode: "OFF" });
    expect(fn.ReservedConcurrentExecutions).toBe(1);
  });

  it("watches the REMS monitoring forms every quarter hour: the overdue alarm and the daily digest", () => {
    const { schedule, fn } = scheduleOf("rems-watch");
    expect(schedule.ScheduleExpression).toBe("rate(15 minutes)");
    expect(schedule.FlexibleTimeWindow).toEqual({ Mode: "OFF" });
    expect((schedule.Target as { RetryPolicy: unknown }).RetryPolicy).toMatchObject({
      MaximumRetryAttempts: 0,
    });
    expect(fn.ReservedConcurrentExecutions).toBe(1);
    stateless.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: "clinic-scheduler-demo-RemsFormsOverdue",
      MetricName: "RemsFormsOverdue",
      Namespace: "ClinicScheduler",
      Dimensions: [{ Name: "service", Value: "rems-watch" }],
      Statistic: "Maximum",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
    // It sends the digest as the clinic's sender, and only as that sender.
    const statements = resourcesOf(stateless, "AWS::IAM::Policy")
      .filter(([id]) => id.startsWith("RemsWatch"))
      .flatMap(([, p]) => (props(p).PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
    expect(statements.find((st) => st.Sid === "SendAsTheClinicThroughItsConfigurationSet")).toMatchObject({
      Condition: { StringEquals: { "ses:FromAddress": "reminders@clinic.example" } },
    });
  });

  it("lets schedule-sync only update items (to confirm schedules) besides reading its stream", () => {
    const policies = resourcesOf(stateless, "AWS::IAM::Policy").filter(([id]) =>
      id.startsWith("ScheduleSync"),
    );
    const statements = policies
      .flatMap(
        ([, p]) =>
          (props(p).PolicyDocument as { Statement: { Action: string | string[]; Effect: string }[] })
            .Statement,
      )
      .filter((st) => st.Effect === "Allow");
    const actions = statements.flatMap((st) => [st.Action].flat()).filter((a) => a.startsWith("dynamodb:"));
    expect(actions).toContain("dynamodb:UpdateItem");
    expect(actions).not.toContain("dynamodb:PutItem");
    expect(actions).not.toContain("dynamodb:DeleteItem");
  });

  it("lets no function update or delete an audit entry (dynamodb:LeadingKeys AUDIT#*)", () => {
    const writers = [
      "AdminApi",
      "PatientPages",
      "SendReminder",
      "EmailEvents",
      "Reconciler",
      "ScheduleSync",
      "RemsWatch",
    ];
    for (const writer of writers) {
      const statements = resourcesOf(stateless, "AWS::IAM::Policy")
        .filter(([id]) => id.startsWith(writer))
        .flatMap(([, p]) => (props(p).PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
      const deny = statements.find((st) => st.Sid === "AuditEntriesAreNeverChanged");
      expect(deny, writer).toMatchObject({
        Effect: "Deny",
        Action: expect.arrayContaining(["dynamodb:UpdateItem", "dynamodb:DeleteItem"]),
        Condition: { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": ["AUDIT#*"] } },
      });
    }
  });

  it("alarms when the reconciler gives up on a reminder", () => {
    stateless.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: "clinic-scheduler-demo-RemindersFailed",
      MetricName: "RemindersFailed",
      Namespace: "ClinicScheduler",
      Dimensions: [{ Name: "service", Value: "reconciler" }],
    });
  });
});

describe("stateless stack: HTTP API", () => {
  const routes = () => resourcesOf(stateless, "AWS::ApiGatewayV2::Route").map(([, r]) => props(r));

  it("authorizes with the staff user pool (JWT, audience = the web client and the staff console)", () => {
    const [, authorizer] = onlyResource(stateless, "AWS::ApiGatewayV2::Authorizer");
    const p = props(authorizer);
    expect(p.AuthorizerType).toBe("JWT");
    expect(json(p.JwtConfiguration)).toContain("https://cognito-idp.");
    const audience = json((p.JwtConfiguration as { Audience: unknown }).Audience);
    expect(audience).toContain("StaffWebClient");
    expect(audience).toContain(logicalIdOf(stateless, "AWS::Cognito::UserPoolClient"));
  });

  it("leaves CORS to admin-api, which allows the console's CloudFront origin", () => {
    const [, api] = onlyResource(stateless, "AWS::ApiGatewayV2::Api");
    expect(props(api).CorsConfiguration).toBeUndefined();
    const adminApi = resourcesOf(stateless, "AWS::Lambda::Function").find(
      ([, f]) => props(f).FunctionName === "clinic-scheduler-demo-admin-api",
    )!;
    const env = (props(adminApi[1]).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.CORS_ORIGINS).toEqual({
      "Fn::Join": [
        "",
        [
          "https://",
          { "Fn::GetAtt": [logicalIdOf(stateless, "AWS::CloudFront::Distribution"), "DomainName"] },
        ],
      ],
    });
  });

  it("requires the JWT authorizer on every route except health, openapi, patients' email links and CORS preflights", () => {
    const authorizerId = logicalIdOf(stateless, "AWS::ApiGatewayV2::Authorizer");
    const open = routes().filter((r) => r.AuthorizationType !== "JWT");
    expect(open.map((r) => r.RouteKey).sort()).toEqual(
      [
        "GET /health",
        "GET /openapi.json",
        "GET /unsubscribe/{token}",
        "POST /unsubscribe/{token}",
        "GET /visit/{token}/{action}",
        "POST /visit/{token}/{action}",
        "OPTIONS /{proxy+}",
      ].sort(),
    );
    expect(PUBLIC_ROUTES).toHaveLength(open.length);
    for (const route of open) expect(route.AuthorizationType).toBe("NONE");
    const secured = routes().filter((r) => r.AuthorizationType === "JWT");
    expect(secured.map((r) => r.RouteKey)).toContain("ANY /{proxy+}");
    for (const route of secured) expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
  });

  it("sends the patients' email links to patient-pages and every other route to admin-api, with payload v2", () => {
    const integrations = resourcesOf(stateless, "AWS::ApiGatewayV2::Integration");
    expect(integrations).toHaveLength(2);
    const integrationOf = (fn: string) => {
      const [id, integration] = integrations.find(([, i]) => json(props(i).IntegrationUri).includes(fn))!;
      expect(props(integration).PayloadFormatVersion).toBe("2.0");
      return id;
    };
    const [admin, pages] = [integrationOf("AdminApi"), integrationOf("PatientPages")];
    const toPages = routes().filter((r) => json(r.Target).includes(pages));
    expect(toPages.map((r) => r.RouteKey).sort()).toEqual(
      [
        "GET /unsubscribe/{token}",
        "POST /unsubscribe/{token}",
        "GET /visit/{token}/{action}",
        "POST /visit/{token}/{action}",
      ].sort(),
    );
    for (const route of toPages) expect(route.AuthorizationType).toBe("NONE");
    const toAdmin = routes().filter((r) => !toPages.includes(r));
    for (const route of toAdmin) expect(json(route.Target), route.RouteKey as string).toContain(admin);
  });

  it("throttles the stage and writes access logs without paths (ids, tokens)", () => {
    const [, stage] = onlyResource(stateless, "AWS::ApiGatewayV2::Stage");
    const p = props(stage);
    expect(p.StageName).toBe("$default");
    expect(p.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 50, ThrottlingRateLimit: 25 });
    const format = (p.AccessLogSettings as { Format: string }).Format;
    expect(format).toContain("$context.routeKey");
    expect(format).not.toContain("$context.path");
  });
});

describe("stateless stack: alarms", () => {
  const alarms = () => resourcesOf(stateless, "AWS::CloudWatch::Alarm").map(([, a]) => props(a));

  it("alarms on the depth of every dead-letter queue", () => {
    const queueAlarms = alarms().filter((a) => a.MetricName === "ApproximateNumberOfMessagesVisible");
    const watched = queueAlarms.map((a) => json(a.Dimensions));
    for (const queue of ["ScheduleDlq", "ScheduleSyncDlq", "SendReminderDlq", "EmailEventsDlq"]) {
      expect(watched.filter((d) => d.includes(`ExportsOutputFnGetAtt${queue}Queue`))).toHaveLength(1);
    }
  });

  it("alarms on errors and throttles of every function, and on stream lag", () => {
    const functionIds = appFunctions(stateless).map(([id]) => id);
    expect(functionIds).toHaveLength(7);
    for (const metric of ["Errors", "Throttles"]) {
      const dims = alarms()
        .filter((a) => a.MetricName === metric)
        .map((a) => json(a.Dimensions));
      for (const id of functionIds) expect(dims.some((d) => d.includes(id))).toBe(true);
    }
    expect(alarms().some((a) => a.MetricName === "IteratorAge")).toBe(true);
  });

  it("alarms on the SES bounce and complaint rates at the review thresholds", () => {
    const ses = alarms().filter((a) => a.Namespace === "AWS/SES");
    expect(ses.map((a) => [a.MetricName, a.Threshold]).sort()).toEqual([
      ["Reputation.BounceRate", 0.05],
      ["Reputation.ComplaintRate", 0.001],
    ]);
  });

  it("sends every alarm (and its recovery) to the alarm topic", () => {
    for (const alarm of alarms()) {
      expect(json(alarm.AlarmActions)).toContain("AlarmTopic");
      expect(json(alarm.OKActions)).toContain("AlarmTopic");
    }
  });
});

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read field by field in the assertions.
type CfnJson = Record<string, any>;

describe("stateless stack: staff console", () => {
  const distributionId = () => logicalIdOf(stateless, "AWS::CloudFront::Distribution");
  const distribution = () =>
    props(onlyResource(stateless, "AWS::CloudFront::Distribution")[1]).DistributionConfig as CfnJson;

  it("keeps its files in a private, TLS-only bucket that only its distribution may read", () => {
    const [bucketId, bucket] = onlyResource(stateless, "AWS::S3::Bucket");
    expect(props(bucket).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props(bucket).WebsiteConfiguration).toBeUndefined();
    const [, policy] = onlyResource(stateless, "AWS::S3::BucketPolicy");
    const statements = (props(policy).PolicyDocument as { Statement: CfnJson[] }).Statement;
    const allows = statements.filter((st) => st.Effect === "Allow");
    expect(allows).toHaveLength(1);
    expect(allows[0]!.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
    expect(allows[0]!.Action).toBe("s3:GetObject");
    expect(json(allows[0]!.Condition)).toContain(distributionId());
    const denyPlainHttp = statements.find((st) => st.Effect === "Deny");
    expect(denyPlainHttp?.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
    expect(json(denyPlainHttp?.Resource)).toContain(bucketId);
  });

  it("reads the bucket through origin access control (signed requests, no legacy OAI), over HTTPS only", () => {
    const [oacId, oac] = onlyResource(stateless, "AWS::CloudFront::OriginAccessControl");
    expect(props(oac).OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: "s3",
      SigningBehavior: "always",
      SigningProtocol: "sigv4",
    });
    const [origin] = distribution().Origins as CfnJson[];
    expect(origin!.OriginAccessControlId).toEqual({ "Fn::GetAtt": [oacId, "Id"] });
    expect(origin!.S3OriginConfig.OriginAccessIdentity).toBe("");
    expect(distribution().DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(distribution().DefaultCacheBehavior.AllowedMethods).toEqual(["GET", "HEAD"]);
    expect(distribution().DefaultRootObject).toBe("index.html");
  });

  it("sends a strict CSP that lets the page talk only to itself, the API and Cognito, with HSTS and no framing", () => {
    const [policyId, policy] = onlyResource(stateless, "AWS::CloudFront::ResponseHeadersPolicy");
    expect(distribution().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const config = (props(policy).ResponseHeadersPolicyConfig as CfnJson).SecurityHeadersConfig;
    const csp = json(config.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-");
    // The policy as CloudFormation will write it, with each reference shown as <reference>.
    const parts = (config.ContentSecurityPolicy.ContentSecurityPolicy as { "Fn::Join": [string, unknown[]] })[
      "Fn::Join"
    ][1];
    const text = parts.map((part) => (typeof part === "string" ? part : `<${json(part)}>`)).join("");
    const connect = /connect-src ([^;]*);/.exec(text)?.[1] ?? "";
    const api = `<${json({ "Fn::GetAtt": [logicalIdOf(stateless, "AWS::ApiGatewayV2::Api"), "ApiEndpoint"] })}>`;
    const login = `https://<${json({ Ref: logicalIdOf(stateless, "AWS::Cognito::UserPoolDomain") })}>.auth.<{"Ref":"AWS::Region"}>.amazoncognito.com`;
    expect(connect).toBe(`'self' ${api} ${login}`);
    expect(config.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(config.FrameOptions.FrameOption).toBe("DENY");
    expect(config.ContentTypeOptions.Override).toBe(true);
    expect(config.ReferrerPolicy.ReferrerPolicy).toBe("no-referrer");
  });

  it("signs in with a public Cognito client: authorization code only (PKCE), no implicit grant, callbacks on its own domain", () => {
    const [, client] = onlyResource(stateless, "AWS::Cognito::UserPoolClient");
    const p = props(client);
    expect(p.GenerateSecret).toBe(false);
    expect(p.AllowedOAuthFlows).toEqual(["code"]);
    expect(p.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(p.ExplicitAuthFlows).toEqual(["ALLOW_REFRESH_TOKEN_AUTH"]);
    expect(p.AllowedOAuthScopes).toEqual(["openid", "email", "profile"]);
    const domain = { "Fn::GetAtt": [distributionId(), "DomainName"] };
    expect(p.CallbackURLs).toEqual([{ "Fn::Join": ["", ["https://", domain, "/"]] }]);
    expect(p.LogoutURLs).toEqual([{ "Fn::Join": ["", ["https://", domain, "/?signed-out"]] }]);
    expect(p.EnableTokenRevocation).toBe(true);
  });

  it("gives the client Cognito's managed login on a domain of this account", () => {
    const [, domain] = onlyResource(stateless, "AWS::Cognito::UserPoolDomain");
    expect(props(domain).ManagedLoginVersion).toBe(2);
    expect(json(props(domain).Domain)).toContain("clinic-scheduler-demo-");
    expect(json(props(domain).Domain)).toContain("AWS::AccountId");
    const [, branding] = onlyResource(stateless, "AWS::Cognito::ManagedLoginBranding");
    expect(props(branding).ClientId).toEqual({ Ref: logicalIdOf(stateless, "AWS::Cognito::UserPoolClient") });
  });

  it("uploads the build and a config.json naming this deployment's API, login domain and client", () => {
    const deployments = resourcesOf(stateless, "Custom::CDKBucketDeployment").map(([, d]) => props(d));
    expect(deployments).toHaveLength(2);
    const pages = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined)!;
    const config = json(pages.SourceMarkers);
    expect(config).toContain(
      json({ "Fn::GetAtt": [logicalIdOf(stateless, "AWS::ApiGatewayV2::Api"), "ApiEndpoint"] }),
    );
    expect(config).toContain(logicalIdOf(stateless, "AWS::Cognito::UserPoolDomain"));
    expect(config).toContain(logicalIdOf(stateless, "AWS::Cognito::UserPoolClient"));
    expect(pages.SystemMetadata).toEqual({ "cache-control": "no-cache" });
    const assets = deployments.find((d) => d.DestinationBucketKeyPrefix === "assets/")!;
    expect(assets.SystemMetadata).toEqual({ "cache-control": "public, max-age=31536000, immutable" });
  });

  it("tells the operator where the console is", () => {
    const outputs = stateless.findOutputs("*");
    expect(outputs.ConsoleUrl?.Value).toEqual({
      "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId(), "DomainName"] }, "/"]],
    });
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["ConsoleLoginDomain", "ConsoleClientId"]));
  });
});

describe("security", () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const policyStatements = (template: Template): { where: string; statement: Statement }[] => {
    const out: { where: string; statement: Statement }[] = [];
    for (const type of ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]) {
      for (const [id, policy] of resourcesOf(template, type)) {
        for (const statement of (props(policy).PolicyDocument as { Statement: Statement[] }).Statement) {
          out.push({ where: id, statement });
        }
      }
    }
    for (const [id, role] of resourcesOf(template, "AWS::IAM::Role")) {
      for (const inline of (props(role).Policies as { PolicyDocument: { Statement: Statement[] } }[]) ?? []) {
        for (const statement of inline.PolicyDocument.Statement) out.push({ where: id, statement });
      }
    }
    return out;
  };

  /**
   * Actions AWS authorizes only on Resource "*" (no resource-level permissions), so "*" is the narrowest
   * possible resource. Anything else on "*" is a finding.
   */
  const ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS = new Set([
    "xray:PutTraceSegments", // X-Ray tracing (Tracing.ACTIVE)
    "xray:PutTelemetryRecords",
    "dynamodb:ListStreams", // stream event source mapping's discovery call
  ]);

  it("grants no action on Resource '*' except those that have no resource-level permissions", () => {
    const all = [...policyStatements(stateful), ...policyStatements(stateless)];
    expect(all.length).toBeGreaterThan(10);
    const offending = all
      .filter(({ statement }) => statement.Effect === "Allow")
      .filter(({ statement }) => [statement.Resource].flat().some((r) => r === "*"))
      .flatMap(({ where, statement }) =>
        [statement.Action]
          .flat()
          .filter((action) => !ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS.has(action))
          .map((action) => `${where}: ${action} on *`),
      );
    expect(offending).toEqual([]);
  });

  it("grants no service-wide action wildcards (svc:*) and no Scan", () => {
    const actions = [...policyStatements(stateful), ...policyStatements(stateless)].flatMap(({ statement }) =>
      [statement.Action].flat(),
    );
    expect(actions.filter((a) => a === "*" || a.endsWith(":*"))).toEqual([]);
    expect(actions).not.toContain("dynamodb:Scan");
  });

  it("attaches no AWS managed policies to roles", () => {
    for (const template of [stateful, stateless]) {
      for (const [id, role] of resourcesOf(template, "AWS::IAM::Role")) {
        expect({ id, managed: props(role).ManagedPolicyArns }).toEqual({ id, managed: undefined });
      }
    }
  });

  it("lets only send-reminder and patient-pages read the link key secret, and no other secret", () => {
    const reads = [...policyStatements(stateful), ...policyStatements(stateless)].filter(({ statement }) =>
      [statement.Action].flat().some((a) => a.startsWith("secretsmanager:")),
    );
    expect(reads.map(({ where }) => where.replace(/Role.*$/, "")).sort()).toEqual([
      "PatientPages",
      "SendReminder",
    ]);
    for (const { statement } of reads) {
      expect(statement.Action).toBe("secretsmanager:GetSecretValue");
      expect(json(statement.Resource)).toContain("PatientLinkKeys");
    }
  });

  it("limits schedule-sync to its own schedule group and PassRole to Scheduler", () => {
    const statements = policyStatements(stateless).map(({ statement }) => statement);
    const scheduler = statements.find((s) => [s.Action].flat().includes("scheduler:CreateSchedule"));
    expect(json(scheduler?.Resource)).toContain(":schedule/clinic-scheduler-demo-reminders/*");
    const passRole = statements.find((s) => [s.Action].flat().includes("iam:PassRole"));
    expect(passRole?.Condition).toEqual({
      StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" },
    });
    expect(json(passRole?.Resource)).toContain("SchedulerRole");
  });

  it("lets only send-reminder and rems-watch send, only from the configured address through the configuration set", () => {
    const ses = policyStatements(stateless).filter(({ statement }) =>
      [statement.Action].flat().some((a) => a.startsWith("ses:")),
    );
    expect(ses.map(({ where }) => where.replace(/Role.*$/, "")).sort()).toEqual([
      "RemsWatch",
      "SendReminder",
    ]);
    for (const { statement } of ses) {
      expect(statement.Condition).toEqual({
        StringEquals: { "ses:FromAddress": "reminders@clinic.example" },
      });
      expect(json(statement.Resource)).toContain(":configuration-set/clinic-scheduler-demo-email");
    }
  });
});

describe("cdk-nag (AwsSolutions, HIPAA Security)", () => {
  it("ran during synth and reported nothing unacknowledged", () => {
    const reportPath = join(synth.outdir, "validation-report.json");
    expect(existsSync(reportPath)).toBe(true); // written only when validation plugins are registered
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });

  it("finds no unacknowledged error or warning when the packs are run directly", () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
      const result = pack.validateScope(synth.app);
      expect(result.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
        [],
      );
    }
  });

  it("acknowledges findings on specific resources only, each with a specific reason", () => {
    const acknowledgements: { path: string; id: string; reason: string }[] = [];
    const visit = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
            acknowledgements.push({ path: node.node.path, id, reason });
          }
        }
      }
      for (const child of node.node.children) visit(child);
    };
    visit(synth.app);
    const nag = acknowledgements.filter((a) => /AwsSolutions-|HIPAA\.Security-/.test(a.id));
    expect(nag.length).toBeGreaterThan(10);
    for (const ack of nag) {
      // Not blanket: never on the app or a whole stack.
      expect(ack.path.split("/").length, ack.path).toBeGreaterThan(1);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
    }
  });
});
