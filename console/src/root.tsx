import { useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { createApiClient } from "./api/client.js";
import { type Auth, type SignInNotice, startAuth } from "./auth/auth.js";
import { currentSession, onSessionChange, type Session } from "./auth/session.js";
import type { ConsoleConfig } from "./config.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { SignedIn } from "./signed-in.js";

/** Sign-in first; once someone is signed in, the console itself. */
export function Root({ config }: { config: ConsoleConfig }) {
  const [auth, setAuth] = useState<Auth>();
  const [notice, setNotice] = useState<SignInNotice>();
  const [session, setSession] = useState<Session | undefined>(currentSession());
  useEffect(() => onSessionChange(setSession), []);
  // A layout effect: locally auth is ready at once, so the sign-in form is the page's first paint rather
  // than "Signing in…" followed a frame later by the form.
  useLayoutEffect(() => {
    void startAuth(config, setNotice).then(setAuth);
  }, [config]);
  const api = useMemo(
    () =>
      auth &&
      createApiClient({
        baseUrl: config.apiUrl,
        token: () => auth.freshToken(),
        onUnauthenticated: () => auth.expired(),
      }),
    [auth, config.apiUrl],
  );

  if (!auth || !api) return <p class="boot">Signing in…</p>;
  if (!session) return <SignInPage auth={auth} notice={notice} />;
  return <SignedIn key={session.claims.sub} config={config} auth={auth} api={api} claims={session.claims} />;
}
