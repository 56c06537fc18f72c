import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureConsoleBuilt } from "../../console/tooling/build.js";
import { launchChromium } from "../../console/tooling/chromium.js";
import { CONSOLE_PATH, serveConsole } from "../../local/console-assets.js";
import type { AppEnv } from "../../shared/http/app-env.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";
import { expectAccessible, goTo } from "./browser.js";
import { startFakeCognito } from "./fake-cognito.js";

/**
 * The console as AWS runs it: on an origin of its own (CloudFront there), calling the API across origins
 * (CORS answered by the app) under the CSP that names only the API and the login domain, and signing in
 * through managed login with the authorization code and PKCE. Cognito is a strict fake (fake-cognito.ts).
 */
describe("signing in to the console through Cognito's managed login", () => {
  let local: LocalStackHarness;
  let browser: Browser;
  let cognito: Awaited<ReturnType<typeof startFakeCognito>>;
  let consoleServer: ServerType;
  let consoleUrl = "";
  const clientId = "console-test-client";

  beforeAll(async () => {
    await ensureConsoleBuilt();
    const app = new Hono<AppEnv>();
    consoleServer = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const origin = `http://127.0.0.1:${(consoleServer.address() as { port: number }).port}`;
    consoleUrl = `${origin}${CONSOLE_PATH}`;
    [local, browser] = await Promise.all([localStackHarness({ corsOrigins: [origin] }), launchChromium()]);
    cognito = await startFakeCognito({
      clientId,
      redirectUri: consoleUrl,
      logoutUri: `${consoleUrl}?signed-out`,
      jwtSecret: local.stack.jwtSecret,
    });
    const config = {
      signIn: "cognito",
      apiUrl: local.stack.apiUrl,
      cognito: {
        domain: cognito.url,
        clientId,
        redirectUri: consoleUrl,
        logoutUri: `${consoleUrl}?signed-out`,
      },
    };
    serveConsole(app, { config: () => config, connectTo: [local.stack.apiUrl, cognito.url] });
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled([
      browser?.close(),
      local?.stack.stop(),
      cognito?.stop(),
      new Promise((resolve) => consoleServer?.close(resolve)),
    ]);
  });

  /** A fresh browser (no Cognito session, nothing stored), with CSP violations and script errors caught. */
  async function openConsole(path = ""): Promise<{ page: Page; problems: string[] }> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) problems.push(m.text());
    });
    page.setDefaultTimeout(20_000);
    await page.goto(`${consoleUrl}${path}`);
    return { page, problems };
  }

  it("goes to managed login with a PKCE challenge and comes back signed in, with no token stored anywhere", async () => {
    const { page, problems } = await openConsole("#/clinic");
    // Back where the person was going, with the API answering across origins.
    await page.getByRole("heading", { level: 1, name: "Clinic settings" }).waitFor();
    expect(await page.getByText("jane@clinic.example").count()).toBe(1);
    const [authorize] = cognito.seen.authorize;
    expect(authorize).toMatchObject({
      response_type: "code",
      client_id: clientId,
      code_challenge_method: "S256",
    });
    expect(cognito.seen.exchanges).toEqual([{ verified: true }]);
    // The code and state are gone from the address, and nothing survives the page but Cognito's own session.
    expect(page.url()).toBe(`${consoleUrl}#/clinic`);
    const stored = await page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]");
    expect(stored).toEqual([0, 0, ""]);
    await expectAccessible(page, "Clinic settings (signed in through Cognito)");
    expect(problems).toEqual([]);
  });

  it("signs out by revoking the refresh token and ending the managed-login session", async () => {
    const { page, problems } = await openConsole();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    const issued = cognito.issuedRefreshTokens();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You are signed out.").waitFor();
    expect(cognito.seen.logouts).toBe(1);
    expect(issued.filter((t) => cognito.seen.revoked.includes(t))).toHaveLength(1);
    expect(page.url()).toBe(consoleUrl);
    await expectAccessible(page, "the signed-out page");
    expect(problems).toEqual([]);
  });

  it("signs nobody in when the answer from managed login does not match this window's request", async () => {
    const exchanges = cognito.seen.exchanges.length;
    const { page } = await openConsole("?code=stolen-code&state=forged");
    await page.getByText("This sign-in could not be matched to this window. Sign in again.").waitFor();
    expect(cognito.seen.exchanges).toHaveLength(exchanges);
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
  });

  it("refreshes a token about to expire before sending it, rather than sending one the API would refuse", async () => {
    // API Gateway's own 401 for an expired token carries no CORS headers: the console would see only a
    // failed request. Tokens that expire within a minute are refreshed first, once for all requests.
    cognito.issueTokensLasting(30);
    try {
      const refreshesBefore = cognito.seen.refreshes;
      const { page, problems } = await openConsole();
      await page.getByRole("region", { name: "Chair 1" }).waitFor();
      await goTo(page, "Clinic");
      await page.getByRole("heading", { level: 1, name: "Clinic settings" }).waitFor();
      expect(cognito.seen.refreshes).toBeGreaterThan(refreshesBefore);
      expect(await page.getByText("Your sign-in has ended").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      cognito.issueTokensLasting(3600);
    }
  });
});
