import type { Role } from "./claims.js";

/**
 * Local mode only: `npm start` signs a token for the chosen role (POST /local/sign-in). No password,
 * because anyone on this machine can already sign one with the local secret (`npm run token`).
 */
export async function localSignIn(apiUrl: string, role: Role): Promise<string> {
  const res = await fetch(`${apiUrl}/local/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ roles: [role] }),
  });
  if (!res.ok) throw new Error(`The local sign-in answered ${res.status}.`);
  return ((await res.json()) as { token: string }).token;
}
