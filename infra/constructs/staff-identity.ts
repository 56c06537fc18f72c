import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** The roles of API.md, carried in the `cognito:groups` claim. Precedence: lower wins. */
export const STAFF_GROUPS = [
  {
    name: "admin",
    precedence: 0,
    description: "Clinic administrators: everything, including clinic settings.",
  },
  { name: "staff", precedence: 10, description: "Front-desk staff: patients, bookings, series." },
  { name: "clinician", precedence: 20, description: "Clinicians: read all, record outcomes and attendance." },
] as const;

export interface StaffIdentityProps {
  readonly namePrefix: string;
  readonly clinicName: string;
}

/**
 * The Cognito user pool for clinic staff. Accounts are created by an administrator (no self sign-up),
 * every sign-in needs a TOTP code, and threat protection (Plus plan) blocks compromised credentials and
 * challenges risky sign-ins: staff accounts open patients' health information.
 */
export class StaffIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StaffIdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, "UserPool", {
      userPoolName: `${props.namePrefix}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus plan: about USD 0.02 per monthly active user (a clinic has a handful of staff).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: `Your ${props.clinicName} scheduling account`,
        emailBody:
          "An account was created for you. Username: {username} Temporary password: {####} " +
          "You will set a new password and an authenticator app at first sign-in.",
      },
      deletionProtection: true,
      // Staff accounts and their MFA enrolments outlive a stack replacement.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const group of STAFF_GROUPS) {
      this.userPool.addGroup(`${group.name}Group`, {
        groupName: group.name,
        precedence: group.precedence,
        description: group.description,
      });
    }

    this.webClient = this.userPool.addClient("StaffWebClient", {
      userPoolClientName: `${props.namePrefix}-staff-web`,
      // A browser app cannot keep a secret.
      generateSecret: false,
      // SRP never sends the password itself; plain USER_PASSWORD_AUTH stays off.
      authFlows: { userSrp: true },
      // No hosted UI: the front end signs in with the SDK, so no OAuth redirect URLs to leave open.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
