import type { CognitoConfig } from "../config.js";
import { randomUrlSafe, s256Challenge } from "./pkce.js";

type Cognito = CognitoConfig["cognito"];

/**
 * What must survive the redirect to managed login and back: the PKCE verifier, the state that ties the
 * answer to this browser tab, and the page to return to. This is the one thing kept in sessionStorage (the
 * page unloads in between); it is no token, is useless without the code, and is removed on return.
 */
const PENDING_KEY = "clinic-console:sign-in";
interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
}

export interface Tokens {
  idToken: string;
  refreshToken?: string;
  /** Seconds. */
  expiresIn: number;
}

export class SignInError extends Error {}

/** Sends the browser to Cognito's managed login (authorization code with PKCE). */
export async function startSignIn(cognito: Cognito, returnTo: string): Promise<never> {
  const pending: Pending = { state: randomUrlSafe(16), verifier: randomUrlSafe(32), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL("/oauth2/authorize", cognito.domain);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: cognito.clientId,
    redirect_uri: cognito.redirectUri,
    scope: "openid email profile",
    state: pending.state,
    code_challenge: await s256Challenge(pending.verifier),
    code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
  // The page is going away; nothing after this should run.
  return new Promise<never>(() => undefined);
}

/**
 * On the way back from managed login: exchanges the code for tokens. Undefined when this page load is not
 * a return from sign-in. The code and state leave the address bar at once, so they end up in no history.
 */
export async function finishSignIn(
  cognito: Cognito,
): Promise<{ tokens: Tokens; returnTo: string } | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const error = params.get("error");
  if (!code && !error) return undefined;
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as Pending) : undefined;
  history.replaceState(null, "", location.pathname + (pending?.returnTo ?? ""));
  if (error) throw new SignInError(`Sign-in was not completed (${error}). Try again.`);
  if (!pending || pending.state !== params.get("state")) {
    throw new SignInError("This sign-in could not be matched to this window. Sign in again.");
  }
  const tokens = await tokenRequest(cognito, {
    grant_type: "authorization_code",
    code: code!,
    redirect_uri: cognito.redirectUri,
    code_verifier: pending.verifier,
  });
  return { tokens, returnTo: pending.returnTo };
}

/** New tokens for an hour more, from the refresh token held in memory. */
export function refresh(cognito: Cognito, refreshToken: string): Promise<Tokens> {
  return tokenRequest(cognito, { grant_type: "refresh_token", refresh_token: refreshToken });
}

/**
 * Ends the session everywhere: revokes the refresh token (so it cannot mint tokens again), then lets
 * managed login clear its own session cookie and send the browser to the signed-out page.
 */
export async function signOut(cognito: Cognito, refreshToken: string | undefined): Promise<never> {
  if (refreshToken) {
    await fetch(new URL("/oauth2/revoke", cognito.domain), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: refreshToken, client_id: cognito.clientId }),
    }).catch(() => undefined);
  }
  const url = new URL("/logout", cognito.domain);
  url.search = new URLSearchParams({ client_id: cognito.clientId, logout_uri: cognito.logoutUri }).toString();
  location.assign(url.toString());
  return new Promise<never>(() => undefined);
}

async function tokenRequest(cognito: Cognito, form: Record<string, string>): Promise<Tokens> {
  const res = await fetch(new URL("/oauth2/token", cognito.domain), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form, client_id: cognito.clientId }),
  });
  if (!res.ok) throw new SignInError("Cognito did not accept the sign-in. Sign in again.");
  const body = (await res.json()) as { id_token: string; refresh_token?: string; expires_in: number };
  return {
    idToken: body.id_token,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    expiresIn: body.expires_in,
  };
}
