import { useCallback, useLayoutEffect, useMemo, useState } from "preact/hooks";
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
      // Signing in usually lands on Today: its day's agenda is read alongside the rest, not after the
      // clinic's date is known (without a date, the API answers the clinic's today by its own clock),
      // and first, as the longest of the reads. The first load waits for it too (arrived or failed), so
      // Today's first paint is the whole day, not the frame with "Loading the day…" and the day a frame
      // or more later.
      const route = parseRoute(location.hash);
      const agendaSettled = first && route.page === "today" ? prefetchAgenda(api, route.date) : undefined;
      const clinicRead = api.GET("/clinic").then(ok);
      const nowRead = apiNow(config, currentSession()?.token ?? "");
      const protocolsRead = api.GET("/protocols").then(ok);
      // A task of its own: the requests above go out in the microtasks before it (each awaits its token).
      if (first) setTimeout(warmUpClinicTime, 0);
      const [clinic, { protocols }, now] = await Promise.all([
        clinicRead,
        protocolsRead,
        nowRead,
        agendaSettled,
      ]);
      setLoaded({ clinic, protocols, now, today: clinicDateOf(now, clinic.timezone) });
    },
    [api, config],
  );

  // A layout effect runs as this renders, in the sign-in click's own task: the requests go out now, not
  // after the browser has painted "Loading the clinic…" (a frame or more later).
  useLayoutEffect(() => {
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
