import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { type ApiClient, ok } from "./api/client.js";
import { Console, type ConsoleContext } from "./app-context.js";
import type { Auth } from "./auth/auth.js";
import type { Claims } from "./auth/claims.js";
import { currentSession } from "./auth/session.js";
import type { ConsoleConfig } from "./config.js";
import { apiNow } from "./local-clock.js";
import { prefetchAgenda } from "./pages/today/agenda-prefetch.js";
import { parseRoute } from "./router.js";
import { Shell } from "./shell.js";
import { clinicDateOf } from "./time/clinic-time.js";
import { warmUpClinicTime } from "./time/intl-warm-up.js";
import { ProblemNote } from "./ui/problem-note.js";

/** Loads what every page needs (clinic, protocols, the API's clock), then shows the console. */
export function SignedIn(props: { config: ConsoleConfig; auth: Auth; api: ApiClient; claims: Claims }) {
  const { config, auth, api, claims } = props;
  const [loaded, setLoaded] = useState<Pick<ConsoleContext, "clinic" | "protocols" | "now" | "today">>();
  const [error, setError] = useState<unknown>();

  // Not keyed on the token: a refreshed token (same person, same roles) must not reload the clinic.
  const load = useCallback(
    async (first = false) => {
      const clinicRead = api.GET("/clinic").then(ok);
      const nowRead = apiNow(config, currentSession()?.token ?? "");
      if (first) {
        // Signing in usually lands on Today: its day's agenda is read as soon as the clinic's date is
        // known, alongside the protocols and the page's first render, not after them.
        void Promise.all([clinicRead, nowRead]).then(
          ([clinic, now]) => {
            const route = parseRoute(location.hash);
            const today = clinicDateOf(now, clinic.timezone);
            if (route.page === "today") prefetchAgenda(api, route.date ?? today);
          },
          () => undefined,
        );
      }
      const protocolsRead = api.GET("/protocols").then(ok);
      // A task of its own: the requests above go out in the microtasks before it (each awaits its token).
      if (first) setTimeout(warmUpClinicTime, 0);
      const [clinic, { protocols }, now] = await Promise.all([clinicRead, protocolsRead, nowRead]);
      setLoaded({ clinic, protocols, now, today: clinicDateOf(now, clinic.timezone) });
    },
    [api, config],
  );

  useEffect(() => {
    load(true).catch(setError);
  }, [load]);

  const ctx = useMemo<ConsoleContext | undefined>(
    () => loaded && { ...loaded, config, api, auth, claims, refresh: () => load() },
    [loaded, config, api, auth, claims, load],
  );

  if (error && !ctx) {
    return (
      <main class="sign-in" id="content">
        <div class="card">
          <h1>Staff console</h1>
          <ProblemNote error={error} />
          <button type="button" class="button primary" onClick={() => location.reload()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (!ctx) return <p class="boot">Loading the clinic…</p>;
  return (
    <Console.Provider value={ctx}>
      <Shell />
    </Console.Provider>
  );
}
