import type { ConsoleConfig } from "./config.js";

/**
 * "Now" as the API sees it. In AWS that is the real time; locally the API runs on a clock that only staff
 * move (POST /local/clock), so "today" must come from it or the console would open on the wrong day.
 */
export async function apiNow(config: ConsoleConfig, token: string): Promise<string> {
  if (config.signIn !== "local") return new Date().toISOString();
  const res = await fetch(`${config.apiUrl}/local/clock`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return new Date().toISOString();
  return ((await res.json()) as { now: string }).now;
}

/**
 * Local mode only: moves the API's clock forward (POST /local/clock, admin), which fires every reminder
 * due by then. Returns how many reminders fired.
 */
export async function moveLocalClock(apiUrl: string, token: string, now: Date): Promise<number> {
  const res = await fetch(`${apiUrl}/local/clock`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ now: now.toISOString() }),
  });
  if (!res.ok) throw new Error(`The local clock answered ${res.status}.`);
  return ((await res.json()) as { fired: unknown[] }).fired.length;
}

/**
 * "Now" for a field that defaults to it, at the moment of asking: in local mode the API's clock as last
 * read (it moves only when someone moves it, and the console reads it again then), else this machine's.
 */
export function nowForForms(config: ConsoleConfig, apiNowRead: string): string {
  return config.signIn === "local" ? apiNowRead : new Date().toISOString();
}
