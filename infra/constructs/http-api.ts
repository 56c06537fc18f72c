import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { acknowledge } from "../nag-acknowledge.js";

/**
 * The only routes reachable without a staff token. Everything else needs a Cognito JWT.
 * The unsubscribe and visit routes are the links in patients' emails: the signed token in the path is the
 * credential. Those go to the patient-pages function (`to: "patientPages"`), the rest to admin-api.
 */
export const PUBLIC_ROUTES = [
  { method: apigw.HttpMethod.GET, path: "/health", why: "load balancer style health probe; returns no data" },
  { method: apigw.HttpMethod.GET, path: "/openapi.json", why: "the public API description; returns no data" },
  {
    method: apigw.HttpMethod.GET,
    path: "/unsubscribe/{token}",
    to: "patientPages",
    why: "patients' booster opt-out link from an e-mail; patients have no account, the signed token is the credential",
  },
  {
    method: apigw.HttpMethod.POST,
    path: "/unsubscribe/{token}",
    to: "patientPages",
    why: "confirms the patients' booster opt-out (one-click unsubscribe); the signed token is the credential",
  },
  {
    method: apigw.HttpMethod.GET,
    path: "/visit/{token}/{action}",
    to: "patientPages",
    why: "patients' Confirm and Cancel links from an e-mail: a page that changes nothing; the signed, expiring link is the credential",
  },
  {
    method: apigw.HttpMethod.POST,
    path: "/visit/{token}/{action}",
    to: "patientPages",
    why: "the patient's Confirm or Cancel button on that page; the signed, expiring link naming one appointment is the credential",
  },
  {
    method: apigw.HttpMethod.OPTIONS,
    path: "/{proxy+}",
    why: "CORS preflight: browsers send it without credentials; admin-api answers it for the staff console's origin only and returns no data",
  },
] as const;

/** Stage-wide limits: a clinic's staff make a few requests a second; this caps abuse and runaway clients. */
export const API_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;

export interface ClinicHttpApiProps {
  readonly apiName: string;
  /** admin-api: the staff API, the probe, the document and CORS preflights. */
  readonly handler: IFunction;
  /** patient-pages: the routes of PUBLIC_ROUTES marked `to: "patientPages"`. */
  readonly patientPages: IFunction;
  readonly userPool: IUserPool;
  /** App clients whose tokens the API accepts (the JWT authorizer's audience). */
  readonly userPoolClients: IUserPoolClient[];
  readonly key: IKey;
  readonly logRetentionDays: number;
}

/**
 * The staff HTTP API: every route goes to admin-api but the patients' pages; JWT-authorized except
 * PUBLIC_ROUTES. CORS is answered by admin-api (CORS_ORIGINS), not by API Gateway: see StatelessStack
 * for why.
 */
export class ClinicHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: ClinicHttpApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer("StaffAuthorizer", props.userPool, {
      userPoolClients: props.userPoolClients,
    });
    this.api = new apigw.HttpApi(this, "Api", {
      apiName: props.apiName,
      description: "Clinic scheduler admin API",
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
    });

    const accessLogs = new logs.LogGroup(this, "AccessLogs", {
      encryptionKey: props.key,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new apigw.HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // routeKey, not path: paths carry patient ids and unsubscribe tokens.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTimeEpoch",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationStatus: "$context.integrationStatus",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
            sub: "$context.authorizer.claims.sub",
            sourceIp: "$context.identity.sourceIp",
            userAgent: "$context.identity.userAgent",
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration("AdminApi", props.handler, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    const pages = new HttpLambdaIntegration("PatientPages", props.patientPages, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    this.api.addRoutes({ path: "/{proxy+}", methods: [apigw.HttpMethod.ANY], integration });
    const none = new apigw.HttpNoneAuthorizer();
    for (const route of PUBLIC_ROUTES) {
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: "to" in route ? pages : integration,
        authorizer: none,
      });
      if (created) acknowledge(created, "AwsSolutions-APIG4", `Deliberately unauthenticated: ${route.why}.`);
    }
  }

  /** Base URL of the API, no trailing slash (the $default stage has no path prefix). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
