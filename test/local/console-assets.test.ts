import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
// The router the API itself runs on: hono/tiny treats a trailing slash as optional, unlike hono's default.
import { Hono } from "hono/tiny";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { consoleBuildIsStale } from "../../console/tooling/build.js";
import { CONSOLE_PATH, LOCAL_CONSOLE_CONFIG, serveConsole } from "../../local/console-assets.js";
import { registerLocalSignIn } from "../../local/local-sign-in.js";
import type { AppEnv } from "../../shared/http/app-env.js";
import { hs256Tokens } from "../../shared/http/authenticators.js";
import { RouteTable } from "../../shared/http/route-table.js";
import type { Deps } from "../../shared/use-cases/deps.js";
import { tempDir } from "../support/temp-dir.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir("console-assets-");
});
afterEach(() => dir.remove());

/** A console build in miniature: index.html and one hashed asset. */
function fakeBuild(distDir: string) {
  mkdirSync(join(distDir, "assets"), { recursive: true });
  writeFileSync(join(distDir, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(join(distDir, "assets", "index-abc123.js"), "console.log('hi')");
}

function appServing(distDir: string) {
  const app = new Hono<AppEnv>();
  serveConsole(app, { distDir });
  return app;
}

describe("npm start serves the staff console", () => {
  it("at /console/, with / leading there", async () => {
    const dist = join(dir.path, "dist");
    fakeBuild(dist);
    const app = appServing(dist);
    const root = await app.request("/");
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe(CONSOLE_PATH);
    expect((await app.request("/console")).headers.get("location")).toBe(CONSOLE_PATH);
    const index = await app.request(CONSOLE_PATH);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await index.text()).toContain("<title>console</title>");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const asset = await app.request(`${CONSOLE_PATH}assets/index-abc123.js`);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("with the same strict CSP and headers CloudFront adds in AWS", async () => {
    const dist = join(dir.path, "dist");
    fakeBuild(dist);
    const res = await appServing(dist).request(CONSOLE_PATH);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("tells the console to sign in locally and call the API on its own origin", async () => {
    const res = await appServing(join(dir.path, "dist")).request(`${CONSOLE_PATH}config.json`);
    expect(await res.json()).toEqual(LOCAL_CONSOLE_CONFIG);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("serves nothing outside the build, and says how to build when there is none", async () => {
    const dist = join(dir.path, "dist");
    writeFileSync(join(dir.path, "secret.txt"), "not for browsers");
    const unbuilt = await appServing(dist).request(CONSOLE_PATH);
    expect(unbuilt.status).toBe(503);
    expect(await unbuilt.text()).toContain("npm run console:build");
    fakeBuild(dist);
    const app = appServing(dist);
    for (const path of ["..%2Fsecret.txt", "%2E%2E/secret.txt", "assets/../../secret.txt", "nothing.js"]) {
      const res = await app.request(`${CONSOLE_PATH}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe("the console's build is redone when its sources change", () => {
  it("is stale without a build, fresh after one, stale again when a source is newer", () => {
    const source = join(dir.path, "console");
    mkdirSync(join(source, "src"), { recursive: true });
    writeFileSync(join(source, "src", "main.tsx"), "render()");
    writeFileSync(join(source, "index.html"), "<div id=app>");
    const dist = join(source, "dist");
    expect(consoleBuildIsStale(source, dist)).toBe(true);
    fakeBuild(dist);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(source, "src", "main.tsx"), past, past);
    utimesSync(join(source, "index.html"), past, past);
    expect(consoleBuildIsStale(source, dist)).toBe(false);
    writeFileSync(join(source, "src", "main.tsx"), "render(<App />)");
    expect(consoleBuildIsStale(source, dist)).toBe(true);
  });
});

describe("POST /local/sign-in", () => {
  const secret = "console-test-secret";
  const app = new Hono<AppEnv>();
  // Sign-in uses no ports.
  const routes = new RouteTable(app, hs256Tokens(secret), {} as Deps);
  registerLocalSignIn(routes, secret);

  const signIn = (body: unknown) =>
    app.request("/local/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("hands out a token for the chosen roles that the API accepts", async () => {
    const res = await signIn({ roles: ["clinician"] });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const principal = await hs256Tokens(secret)({ authorization: `Bearer ${token}` });
    expect(principal.roles).toEqual(["clinician"]);
  });

  it("refuses an unknown role or none", async () => {
    expect((await signIn({ roles: ["superuser"] })).status).toBe(400);
    expect((await signIn({ roles: [] })).status).toBe(400);
  });
});
