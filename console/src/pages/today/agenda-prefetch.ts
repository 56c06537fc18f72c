import type { ApiClient } from "../../api/client.js";
import { type Agenda, loadAgenda } from "./agenda.js";

/** Older than this, a prefetched agenda is not shown: the page reads the day again. */
const FRESH_MS = 10_000;

interface Prefetched {
  api: ApiClient;
  /** The day asked for; undefined for the clinic's today by the API's clock. */
  date: string | undefined;
  at: number;
  agenda: Promise<Agenda>;
  /** The agenda, once it has arrived. */
  arrived?: Agenda;
}

let prefetched: Prefetched | undefined;

/**
 * Starts reading a day's agenda before Today asks for it: at sign-in, alongside the clinic's settings and
 * the clock, rather than after the console has learned the clinic's date from them. Without a date it
 * asks for the clinic's today by the API's clock. Today's first load takes it (arrivedAgenda,
 * takePrefetchedAgenda); a failure shows there as any failed load would. The promise returned settles
 * when the agenda has arrived or failed.
 */
export function prefetchAgenda(api: ApiClient, date: string | undefined): Promise<void> {
  const agenda = loadAgenda(api, date);
  const entry: Prefetched = { api, date, at: Date.now(), agenda };
  prefetched = entry;
  // Read, or given up on, by the page: never an unhandled rejection in the meantime.
  return agenda.then(
    (arrived) => {
      entry.arrived = arrived;
    },
    () => undefined,
  );
}

const usable = (p: Prefetched | undefined, api: ApiClient): p is Prefetched =>
  p !== undefined && p.api === api && Date.now() - p.at <= FRESH_MS;

/**
 * The prefetched agenda of this day if it has already arrived, taken once: Today's first render shows it
 * at once instead of "Loading the day…" and, a frame later, the day.
 */
export function arrivedAgenda(api: ApiClient, date: string): Agenda | undefined {
  const taken = prefetched;
  if (!usable(taken, api) || taken.arrived?.date !== date) return undefined;
  prefetched = undefined;
  return taken.arrived;
}

/**
 * The agenda prefetched for this day through this client, once and only while fresh; later loads read it
 * anew. A date-less prefetch serves the day it answered with; if the API's today is another day than the
 * console's (a browser clock a little off around midnight), the day asked for is read after all.
 */
export function takePrefetchedAgenda(api: ApiClient, date: string): Promise<Agenda> | undefined {
  const taken = prefetched;
  prefetched = undefined;
  if (!usable(taken, api)) return undefined;
  if (taken.date === date) return taken.agenda;
  if (taken.date !== undefined) return undefined;
  return taken.agenda.then((agenda) => (agenda.date === date ? agenda : loadAgenda(api, date)));
}
