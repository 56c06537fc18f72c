import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Hono } from "hono";
import { CONSOLE_DIST } from "../console/tooling/build.js";
import { consoleContentSecurityPolicy, OTHER_SECURITY_HEADERS } from "../console/tooling/security-headers.js";
import type { AppEnv } from "../shared/http/app-env.js";

/** Where `npm start` serves the console: a prefix no API route uses. */
export const CONSOLE_PATH = "/console/";

/** What the console reads at start (console/src/config.ts): local sign-in, the API on the same origin. */
export const LOCAL_CONSOLE_CONFIG = { signIn: "local", apiUrl: "" } as const;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface ServeConsoleOptions {
  /** The build to serve (default console/dist). */
  distDir?: string;
  /** What config.json says (default: local sign-in, the API on this origin). Read on every request. */
  config?: () => object;
  /** Origins the CSP lets the page call besides its own: the API and Cognito when they live elsewhere. */
  connectTo?: readonly string[];
}

/**
 * Serves the built console at /console/ on the API's own port (so it calls the API without CORS), with
 * the same security headers CloudFront adds in AWS; `/` leads there. Files are read per request, so a
 * rebuild shows at the next reload.
 */
export function serveConsole(app: Hono<AppEnv>, options: ServeConsoleOptions = {}): void {
  const distDir = options.distDir ?? CONSOLE_DIST;
  const config = options.config ?? (() => LOCAL_CONSOLE_CONFIG);
  const securityHeaders = {
    "content-security-policy": consoleContentSecurityPolicy(options.connectTo ?? []),
    ...OTHER_SECURITY_HEADERS,
  };
  app.get("/", (c) => c.redirect(CONSOLE_PATH, 302));
  // The API's router (hono/tiny) lets "/console" match "/console/" too: redirect only the bare path, or
  // the console's own address would redirect to itself forever.
  app.get("/console", (c, next) => (c.req.path === "/console" ? c.redirect(CONSOLE_PATH, 301) : next()));
  app.get(`${CONSOLE_PATH}config.json`, (c) =>
    c.json(config(), 200, { ...securityHeaders, "cache-control": "no-store" }),
  );
  app.get(`${CONSOLE_PATH}*`, (c) => {
    const relative = decodeURIComponent(c.req.path.slice(CONSOLE_PATH.length)) || "index.html";
    const file = normalize(join(distDir, relative));
    if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      if (!existsSync(join(distDir, "index.html"))) {
        return c.text(
          "The staff console is not built: run `npm run console:build` (npm start does it).",
          503,
        );
      }
      return c.text("Not found", 404, securityHeaders);
    }
    const immutable = relative.startsWith("assets/");
    return c.body(readFileSync(file), 200, {
      ...securityHeaders,
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      // Vite names assets by their content hash; index.html must be re-read to find new ones.
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
}
