import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ApiClient } from "./api/client.js";
import type { Clinic, Protocol } from "./api/types.js";
import type { Auth } from "./auth/auth.js";
import type { Claims } from "./auth/claims.js";
import type { ConsoleConfig } from "./config.js";

/** What every page needs once someone is signed in: the API, the clinic's settings and who is working. */
export interface ConsoleContext {
  config: ConsoleConfig;
  api: ApiClient;
  auth: Auth;
  claims: Claims;
  clinic: Clinic;
  protocols: Protocol[];
  /** Today's date on the clinic's calendar, by the API's clock (locally, the local clock). */
  today: string;
  /** The API's "now" (locally, the local clock), read when the console loaded or last refreshed. */
  now: string;
  /** Reads the clinic's settings (and the clock) again, after an admin saved them. */
  refresh(): Promise<void>;
}

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const ctx = useContext(Console);
  if (!ctx) throw new Error("useConsole outside the signed-in console");
  return ctx;
}
