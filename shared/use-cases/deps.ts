import type { Clinic } from "../domain/clinic.js";
import type { Clock } from "../ports/clock.js";
import type { IdSource } from "../ports/id-source.js";
import type { LinkKeySource } from "../ports/link-keys.js";
import type { Store } from "../ports/store.js";
import { StaleWrite } from "./errors.js";

/** The ports every use case gets, wired once per cold start (Lambda) or process (local). */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  /** The clinic used until an admin saves one with PUT /clinic. */
  clinicDefaults: Clinic;
  /**
   * The keys of patients' Confirm and Cancel links: send-reminder signs with them, the pages check with
   * them. Absent: emails carry no such links and every link is refused.
   */
  linkKeys?: LinkKeySource;
  /** How a retry waits before its next attempt (default: a timer); race tests schedule it themselves. */
  pause?: (ms: number) => Promise<void>;
}

export async function loadClinic(deps: Deps): Promise<Clinic> {
  return (await deps.store.getClinic()) ?? deps.clinicDefaults;
}

export function nowIso(deps: Deps): string {
  return deps.clock.now().toISOString();
}

/** Normalises any ISO instant with an offset to the UTC form the table sorts by. */
export function utcIso(instant: string): string {
  return new Date(instant).toISOString();
}

const MAX_ATTEMPTS = 6;

/**
 * Runs a read-decide-write use case again when its guarded write lost a race (another request booked
 * the same day or changed the same appointment). Each attempt re-reads, so the loser either finds room
 * elsewhere on the day or gets the real answer (409 when capacity is gone).
 */
export async function retryOnStaleWrite<T>(deps: Pick<Deps, "pause">, attempt: () => Promise<T>): Promise<T> {
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleWrite) || i >= MAX_ATTEMPTS) throw error;
      // Jitter spreads contenders so they do not collide again; the wait doubles, so a settings change
      // (which holds bookings for a few hundred milliseconds) is waited out too.
      await pause(Math.random() * 5 * 2 ** i);
    }
  }
}
