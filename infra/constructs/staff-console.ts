import { join } from "node:path";
import { Aws, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { consoleContentSecurityPolicy, PERMISSIONS_POLICY } from "../../console/tooling/security-headers.js";
import { acknowledge, nagArnRef } from "../nag-acknowledge.js";

export interface StaffConsoleProps {
  readonly namePrefix: string;
  /** The staff user pool (stateful stack): the console signs in against it. */
  readonly userPool: cognito.IUserPool;
  /**
   * The API's base URL, for the CSP and config.json. May be a lazy value: the API's authorizer needs this
   * construct's app client, so the console is built first (see StatelessStack).
   */
  readonly apiUrl: string;
  /** The built console (console/dist), or a stand-in in tests. */
  readonly assetsDir: string;
  /** Encrypts the deployment function's log group. */
  readonly key: IKey;
  readonly logRetentionDays: number;
}

/**
 * The staff console in AWS: its files in a private S3 bucket that only this CloudFront distribution can
 * read (origin access control), security headers and a strict CSP on every response, and the Cognito
 * app client and managed-login domain it signs in with (authorization code, PKCE, no secret, no implicit
 * grant). The build and a config.json with this deployment's URLs are uploaded on every deploy.
 */
export class StaffConsole extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly client: cognito.UserPoolClient;
  readonly loginDomain: cognito.UserPoolDomain;
  /** https://dxxxx.cloudfront.net, no trailing slash: the console's origin (CORS). */
  readonly origin: string;
  /** The console's address, which staff open. */
  readonly url: string;
  /** Managed login's base URL: https://<prefix>.auth.<region>.amazoncognito.com */
  readonly loginUrl: string;

  constructor(scope: Construct, id: string, props: StaffConsoleProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, "Files", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Holds only the build of console/, which every deploy uploads again; the deployment empties it on
      // delete, so the stack can be destroyed like the rest of the stateless stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.acknowledgeBucketFindings();

    this.loginDomain = new cognito.UserPoolDomain(this, "LoginDomain", {
      userPool: props.userPool,
      // Globally unique per region: the account id keeps two clinics (or stages) apart.
      cognitoDomain: { domainPrefix: `${props.namePrefix}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.loginUrl = this.loginDomain.baseUrl();

    const headers = new cloudfront.ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "Staff console: strict CSP (API and Cognito only), HSTS, no framing, no sniffing",
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleContentSecurityPolicy([props.apiUrl, this.loginUrl]),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: "Permissions-Policy", value: PERMISSIONS_POLICY, override: true }],
      },
    });

    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: `${props.namePrefix} staff console`,
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Honours the files' own Cache-Control: hashed assets for a year, index.html and config.json
        // revalidated, so a deploy shows at the next reload.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America and Europe: where a clinic's staff work; the cheapest price class.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}/`;
    this.acknowledgeDistributionFindings();

    this.client = new cognito.UserPoolClient(this, "Client", {
      userPool: props.userPool,
      userPoolClientName: `${props.namePrefix}-staff-console`,
      // A browser app cannot keep a secret: it proves itself with PKCE, which the console always sends.
      generateSecret: false,
      // Only managed login signs in (and the refresh token refreshes): no password or SRP flows from here.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [this.url],
        logoutUrls: [`${this.url}?signed-out`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // Managed login (the newer pages) shows an app client's sign-in only once it has a style.
    new cognito.CfnManagedLoginBranding(this, "LoginBranding", {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.deploy(props);
  }

  /** Uploads the build and this deployment's config.json (console/src/config.ts reads it). */
  private deploy(props: StaffConsoleProps): void {
    const logGroup = new logs.LogGroup(this, "DeploymentLogs", {
      encryptionKey: props.key,
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Its own role, so the deployment function gets no AWS managed policy: it writes only its log group.
    const role = new iam.Role(this, "DeploymentRole", {
      description: "Uploads the staff console's files to its bucket on deploy",
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: "WriteOwnLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup.logGroupArn],
      }),
    );
    const common = {
      destinationBucket: this.bucket,
      role,
      logGroup,
      memoryLimit: 256,
      retainOnDelete: false,
    };
    // Vite names these by their content hash, so a name never changes content: cache them for a year.
    const assets = new s3deploy.BucketDeployment(this, "Assets", {
      ...common,
      sources: [s3deploy.Source.asset(join(props.assetsDir, "assets"))],
      destinationKeyPrefix: "assets/",
      cacheControl: [s3deploy.CacheControl.fromString("public, max-age=31536000, immutable")],
      prune: true,
    });
    // index.html and config.json: revalidated on every load, and uploaded only after the assets they
    // name, so no browser gets a page whose script is not there yet.
    new s3deploy.BucketDeployment(this, "Pages", {
      ...common,
      sources: [
        s3deploy.Source.asset(props.assetsDir, { exclude: ["assets"] }),
        s3deploy.Source.jsonData("config.json", {
          signIn: "cognito",
          apiUrl: props.apiUrl,
          cognito: {
            domain: this.loginUrl,
            clientId: this.client.userPoolClientId,
            redirectUri: this.url,
            logoutUri: `${this.url}?signed-out`,
          },
        }),
      ],
      // Leaves assets/ to the deployment above.
      exclude: ["assets/*"],
      cacheControl: [s3deploy.CacheControl.fromString("no-cache")],
      prune: true,
    }).node.addDependency(assets);
    this.acknowledgeDeploymentFindings(role);
  }

  private acknowledgeBucketFindings(): void {
    const why =
      "The bucket holds only the staff console's static build (code and styles, no patient data), rebuilt from " +
      "the repository on every deploy; patient data is only ever fetched from the API by a signed-in browser.";
    acknowledge(this.bucket, "AwsSolutions-S1", `No server access logs: ${why}`);
    acknowledge(this.bucket, "HIPAA.Security-S3BucketLoggingEnabled", `No server access logs: ${why}`);
    acknowledge(this.bucket, "HIPAA.Security-S3BucketReplicationEnabled", `No replication: ${why}`);
    acknowledge(
      this.bucket,
      "HIPAA.Security-S3BucketVersioningEnabled",
      `No versioning (a previous console is a previous commit deployed): ${why}`,
    );
    acknowledge(
      this.bucket,
      "HIPAA.Security-S3DefaultEncryptionKMS",
      `S3-managed encryption rather than the CMK, which CloudFront's origin access would then need to use: ${why}`,
    );
  }

  private acknowledgeDistributionFindings(): void {
    const d = this.distribution;
    acknowledge(
      d,
      "AwsSolutions-CFR1",
      "No geo restriction: clinic staff may sign in while travelling; every request for patient data is authenticated by Cognito (MFA) at the API.",
    );
    acknowledge(
      d,
      "AwsSolutions-CFR2",
      "No WAF: the distribution serves only the console's static files; the data behind it is the API's, and sign-in is protected by Cognito's threat protection (Plus plan).",
    );
    acknowledge(
      d,
      "AwsSolutions-CFR3",
      "No CloudFront access logs: they would record only downloads of public static files; every access to patient data is in the API's access log.",
    );
    acknowledge(
      d,
      "AwsSolutions-CFR4",
      "The default *.cloudfront.net certificate fixes the viewer TLS policy; browsers negotiate TLS 1.2 or 1.3 with it. A clinic that adds its own domain and ACM certificate sets TLSv1.2_2021 (README).",
    );
  }

  private acknowledgeDeploymentFindings(role: iam.Role): void {
    const grant =
      "comes from CDK's BucketDeployment grants, which copy the console's files from the CDK asset bucket to " +
      "this console's bucket; the statements name those two buckets only.";
    for (const action of ["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"]) {
      acknowledge(role, `AwsSolutions-IAM5[Action::${action}]`, `${action} ${grant}`);
    }
    const stack = Stack.of(this);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagArnRef(stack, this.bucket, this.bucket.bucketArn)}/*]`,
      `Every object of the console's own bucket: the deployment replaces the whole build; ${grant}`,
    );
    acknowledge(
      role,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]",
      `The CDK bootstrap's asset bucket of this account and region, where cdk deploy uploads the build; ${grant}`,
    );
    acknowledge(
      role,
      "HIPAA.Security-IAMNoInlinePolicy",
      "The deployment role's policy names this console's bucket and log group only; it is not meant to be shared.",
    );
    // BucketDeployment's function is a singleton at the stack's root, shared by both deployments.
    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith("Custom::CDKBucketDeployment"),
    );
    if (!handler) throw new Error("BucketDeployment's handler function was not found");
    const why =
      "CDK's BucketDeployment handler runs only during cdk deploy to copy the console's files; it handles no patient data.";
    acknowledge(handler, "AwsSolutions-L1", `Runtime pinned by aws-cdk-lib's BucketDeployment. ${why}`);
    acknowledge(handler, "HIPAA.Security-LambdaConcurrency", `No reserved concurrency: ${why}`);
    acknowledge(
      handler,
      "HIPAA.Security-LambdaDLQ",
      `Invoked synchronously by CloudFormation, which reports a failure as a failed deploy. ${why}`,
    );
    acknowledge(handler, "HIPAA.Security-LambdaInsideVPC", `Needs only S3 and CloudWatch Logs. ${why}`);
  }
}
