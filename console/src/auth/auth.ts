import type { ConsoleConfig } from "../config.js";
import type { Role } from "./claims.js";
import {
  signOut as cognitoSignOut,
  finishSignIn,
  refresh,
  SignInError,
  startSignIn,
  type Tokens,
} from "./cognito.js";
import { localSignIn } from "./local-sign-in.js";
import { currentSession, setSession } from "./session.js";

/** How this deployment signs staff in: a role picker locally, Cognito's managed login in AWS. */
export interface Auth {
  readonly mode: ConsoleConfig["signIn"];
  /** Local: signs in with the role. Cognito: goes to managed login (the role comes from the groups). */
  signIn(role?: Role): Promise<void>;
  signOut(): Promise<void>;
  /** The API said 401: the session is over. */
  expired(): void;
  /**
   * The token to send now: refreshed first if it is about to expire (a laptop that slept through the
   * timer). In AWS, API Gateway's own 401 for an expired token carries no CORS headers, so the browser
   * would only see a failed request; the console must not send one.
   */
  freshToken(): Promise<string | undefined>;
}

/** A token with less than this left is refreshed (or, locally, given up) before it is sent. */
const EXPIRY_MARGIN_MS = 60_000;
const expiresSoon = () => {
  const session = currentSession();
  return !session || session.claims.exp * 1000 - Date.now() < EXPIRY_MARGIN_MS;
};

/** Why the sign-in page is showing, if not simply "nobody signed in yet". */
export type SignInNotice = { kind: "signed-out" } | { kind: "expired" } | { kind: "error"; message: string };

export async function startAuth(
  config: ConsoleConfig,
  notice: (n: SignInNotice | undefined) => void,
): Promise<Auth> {
  if (config.signIn === "local") {
    const local: Auth = {
      mode: "local",
      async signIn(role) {
        setSession(await localSignIn(config.apiUrl, role ?? "staff"));
        notice(undefined);
      },
      async signOut() {
        setSession(undefined);
        notice({ kind: "signed-out" });
      },
      expired() {
        setSession(undefined);
        notice({ kind: "expired" });
      },
      async freshToken() {
        if (currentSession() && expiresSoon()) local.expired();
        return currentSession()?.token;
      },
    };
    return local;
  }

  const cognito = config.cognito;
  // Only in this closure: the refresh token lives as long as the page, like the ID token.
  let refreshToken: string | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<void> | undefined;
  /** New tokens from the refresh token, once however many requests ask at the same moment. */
  const renew = (): Promise<void> =>
    (refreshing ??= (async () => {
      try {
        if (!refreshToken) throw new SignInError("no refresh token");
        adopt(await refresh(cognito, refreshToken));
      } catch {
        auth.expired();
      } finally {
        refreshing = undefined;
      }
    })());
  const adopt = (tokens: Tokens) => {
    refreshToken = tokens.refreshToken ?? refreshToken;
    setSession(tokens.idToken);
    clearTimeout(refreshTimer);
    // Five minutes before the hour is up; a failed refresh sends the person to sign in again.
    refreshTimer = setTimeout(() => void renew(), Math.max(30, tokens.expiresIn - 300) * 1000);
  };
  const auth: Auth = {
    mode: "cognito",
    signIn: () => startSignIn(cognito, location.hash),
    signOut: () => cognitoSignOut(cognito, refreshToken),
    expired() {
      clearTimeout(refreshTimer);
      setSession(undefined);
      notice({ kind: "expired" });
    },
    async freshToken() {
      if (currentSession() && expiresSoon()) await renew();
      return currentSession()?.token;
    },
  };

  const signedOut = new URLSearchParams(location.search).has("signed-out");
  if (signedOut) {
    history.replaceState(null, "", location.pathname);
    notice({ kind: "signed-out" });
    return auth;
  }
  try {
    const returned = await finishSignIn(cognito);
    if (returned) adopt(returned.tokens);
    // Nobody signed in and no sign-in under way: straight to managed login, which remembers a recent
    // sign-in and comes right back.
    else if (!currentSession()) await startSignIn(cognito, location.hash);
  } catch (error) {
    notice({
      kind: "error",
      message: error instanceof SignInError ? error.message : "Sign-in failed. Try again.",
    });
  }
  return auth;
}
