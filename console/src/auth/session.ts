import type { Claims } from "./claims.js";
import { readClaims } from "./claims.js";

/**
 * Who is signed in, held in memory only: never in localStorage or sessionStorage, where any script on the
 * page (or anyone at a shared front-desk computer later) could read a token that opens patients' records.
 * A reload signs in again (in AWS, Cognito's own session makes that a quick redirect).
 */
export interface Session {
  token: string;
  claims: Claims;
}

let current: Session | undefined;
const listeners = new Set<(session: Session | undefined) => void>();

export function currentSession(): Session | undefined {
  return current;
}

export function setSession(token: string | undefined): void {
  current = token ? { token, claims: readClaims(token) } : undefined;
  for (const listener of listeners) listener(current);
}

export function onSessionChange(listener: (session: Session | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
