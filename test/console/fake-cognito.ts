import { createHash, randomUUID } from "node:crypto";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { SignJWT } from "jose";

/**
 * Stands in for Cognito's managed login and OAuth endpoints (authorize, token, revoke, logout), strictly
 * enough to fail the console when it gets the authorization code flow with PKCE wrong: an unknown client,
 * a redirect URI that was not registered, no S256 challenge, or a verifier that does not match it are all
 * refused, and every code works once. Its ID tokens are signed with the local stack's HS256 secret, so the
 * local API accepts them as it accepts its own.
 */
export async function startFakeCognito(options: {
  clientId: string;
  redirectUri: string;
  logoutUri: string;
  jwtSecret: string;
}) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  /** How long the ID tokens it issues last (Cognito: an hour; a test can make them about to expire). */
  let idTokenSeconds = 3600;
  const seen = {
    authorize: [] as Record<string, string>[],
    refreshes: 0,
    /** Each code exchange, and whether its verifier matched the challenge. */
    exchanges: [] as { verified: boolean }[],
    revoked: [] as string[],
    logouts: 0,
  };

  const idToken = () =>
    new SignJWT({ "cognito:groups": ["staff"], email: "jane@clinic.example", token_use: "id" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("jane")
      .setAudience(options.clientId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + idTokenSeconds)
      .sign(new TextEncoder().encode(options.jwtSecret));

  const app = new Hono();
  app.get("/oauth2/authorize", (c) => {
    const q = c.req.query();
    seen.authorize.push(q);
    const valid =
      q.response_type === "code" &&
      q.client_id === options.clientId &&
      q.redirect_uri === options.redirectUri &&
      q.code_challenge_method === "S256" &&
      /^[A-Za-z0-9_-]{43}$/.test(q.code_challenge ?? "") &&
      (q.scope ?? "").split(" ").includes("openid");
    if (!valid) return c.text("invalid_request", 400);
    const code = randomUUID();
    codes.set(code, { challenge: q.code_challenge!, redirectUri: q.redirect_uri! });
    const back = new URL(options.redirectUri);
    back.search = new URLSearchParams({ code, state: q.state ?? "" }).toString();
    return c.redirect(back.toString(), 302);
  });
  // Cognito answers browsers' token requests with CORS; a form POST needs no preflight.
  app.post("/oauth2/token", async (c) => {
    c.header("access-control-allow-origin", "*");
    const form = new URLSearchParams(await c.req.text());
    if (form.get("client_id") !== options.clientId) return c.json({ error: "invalid_client" }, 400);
    if (form.get("grant_type") === "refresh_token") {
      if (!refreshTokens.has(form.get("refresh_token") ?? "")) return c.json({ error: "invalid_grant" }, 400);
      seen.refreshes++;
      return c.json({ id_token: await idToken(), expires_in: idTokenSeconds, token_type: "Bearer" });
    }
    const pending = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    const verifier = form.get("code_verifier") ?? "";
    const verified =
      pending !== undefined &&
      createHash("sha256").update(verifier).digest("base64url") === pending.challenge;
    seen.exchanges.push({ verified });
    if (!pending || !verified || form.get("redirect_uri") !== pending.redirectUri) {
      return c.json({ error: "invalid_grant" }, 400);
    }
    const refreshToken = randomUUID();
    refreshTokens.add(refreshToken);
    return c.json({
      id_token: await idToken(),
      access_token: await idToken(),
      refresh_token: refreshToken,
      expires_in: idTokenSeconds,
      token_type: "Bearer",
    });
  });
  app.post("/oauth2/revoke", async (c) => {
    c.header("access-control-allow-origin", "*");
    const token = new URLSearchParams(await c.req.text()).get("token") ?? "";
    refreshTokens.delete(token);
    seen.revoked.push(token);
    return c.body(null, 200);
  });
  app.get("/logout", (c) => {
    if (c.req.query("client_id") !== options.clientId || c.req.query("logout_uri") !== options.logoutUri) {
      return c.text("invalid logout_uri", 400);
    }
    seen.logouts++;
    return c.redirect(options.logoutUri, 302);
  });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    seen,
    issuedRefreshTokens: () => [...refreshTokens],
    issueTokensLasting: (seconds: number) => {
      idTokenSeconds = seconds;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
