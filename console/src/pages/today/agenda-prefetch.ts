import type { ApiClient } from "../../api/client.js";
import { type Agenda, loadAgenda } from "./agenda.js";

/** Older than this, a prefetched agenda is not shown: the page reads the day again. */
const FRESH_MS = 10_000;

let prefetched: { api: ApiClient; date: string; at: number; agenda: Promise<Agenda> } | undefined;

/**
 * Starts reading a day's agenda before Today asks for it: as soon as the console knows the clinic's date,
 * while it still loads the rest of what every page needs and renders its frame, rather than after.
 * Today's first load takes it (takePrefetchedAgenda); a failure shows there as any failed load would.
 */
export function prefetchAgenda(api: ApiClient, date: string): void {
  const agenda = loadAgenda(api, date);
  // Read, or given up on, by the page: never an unhandled rejection in the meantime.
  agenda.catch(() => undefined);
  prefetched = { api, date, at: Date.now(), agenda };
}

/** The agenda prefetched for this day through this client, once and only while fresh; later loads read it anew. */
export function takePrefetchedAgenda(api: ApiClient, date: string): Promise<Agenda> | undefined {
  const taken = prefetched;
  prefetched = undefined;
  if (!taken || taken.api !== api || taken.date !== date || Date.now() - taken.at > FRESH_MS)
    return undefined;
  return taken.agenda;
}
