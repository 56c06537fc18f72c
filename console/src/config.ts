/**
 * The console's runtime settings, from `config.json` beside it: the same build runs locally and in any
 * AWS deployment. Locally `npm start` serves it; in AWS the CDK app writes it with the deployment's values.
 */
export type ConsoleConfig = LocalConfig | CognitoConfig;

export interface LocalConfig {
  signIn: "local";
  /** "" when the API serves the console itself. */
  apiUrl: string;
}

export interface CognitoConfig {
  signIn: "cognito";
  apiUrl: string;
  cognito: {
    /** Managed login's base URL, e.g. https://clinic-scheduler-prod-123.auth.us-east-1.amazoncognito.com */
    domain: string;
    clientId: string;
    /** Where managed login sends the browser back with the code: the console's own URL. */
    redirectUri: string;
    /** Where managed login sends the browser after sign-out. */
    logoutUri: string;
  };
}

export async function loadConfig(): Promise<ConsoleConfig> {
  // The page's preload (index.html) answers this: the same URL and mode, and the default cache mode (the
  // file is served no-store locally and no-cache from CloudFront, so it is never read stale either way).
  const res = await fetch("./config.json");
  if (!res.ok) throw new Error(`config.json answered ${res.status}`);
  const config = (await res.json()) as ConsoleConfig;
  if (config.signIn !== "local" && config.signIn !== "cognito") {
    throw new Error("config.json: signIn must be 'local' or 'cognito'");
  }
  return config;
}
