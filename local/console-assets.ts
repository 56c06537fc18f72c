import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { consoleContentSecurityPolicy, OTHER_SECURITY_HEADERS } from "../console/security-headers.js";
import type { AppEnv } from "../shared/http/app-env.js";

/** The console's source and its build (console/dist, not committed). */
export const CONSOLE_DIR = fileURLToPath(new URL("../console/", import.meta.url));
export const CONSOLE_DIST = join(CONSOLE_DIR, "dist");

/** Where `npm start` serves the console: a prefix no API route uses. */
export const CONSOLE_PATH = "/console/";

/** What the console reads at start (console/src/config.ts): local sign-in, the API on the same origin. */
export const LOCAL_CONSOLE_CONFIG = { signIn: "local", apiUrl: "" } as const;

/** Everything the build reads: a change to any of these makes console/dist stale. */
function newestSourceTime(sourceDir: string): number {
  const inputs = ["index.html", "vite.config.ts", "tsconfig.json", "security-headers.ts", "src"].map((p) =>
    join(sourceDir, p),
  );
  inputs.push(join(sourceDir, "..", "package-lock.json"));
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of inputs) visit(input);
  return newest;
}

export function consoleBuildIsStale(sourceDir = CONSOLE_DIR, distDir = join(sourceDir, "dist")): boolean {
  const index = join(distDir, "index.html");
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceTime(sourceDir);
}

/**
 * Builds the console with Vite when console/dist is missing or older than its sources, so a newcomer's
 * `npm install && npm start` serves the current console. The build goes to a directory of its own and is
 * then moved into place: two processes starting at once (two test files) never see half a build.
 */
export async function ensureConsoleBuilt(
  options: { sourceDir?: string; log?: (message: string) => void } = {},
): Promise<"fresh" | "built"> {
  const sourceDir = options.sourceDir ?? CONSOLE_DIR;
  const distDir = join(sourceDir, "dist");
  if (!consoleBuildIsStale(sourceDir, distDir)) return "fresh";
  options.log?.("Building the staff console (console/ changed since the last build)...");
  const outDir = `${distDir}.build-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  try {
    await build({
      configFile: join(sourceDir, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
    rmSync(distDir, { recursive: true, force: true });
    try {
      renameSync(outDir, distDir);
    } catch (error) {
      // Another process put an equally fresh build in place between our remove and rename.
      if (!existsSync(join(distDir, "index.html"))) throw error;
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return "built";
}

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

const securityHeaders = {
  "content-security-policy": consoleContentSecurityPolicy([]),
  ...OTHER_SECURITY_HEADERS,
};

/**
 * Serves the built console at /console/ on the API's own port (so it calls the API without CORS), with
 * the same security headers CloudFront adds in AWS; `/` leads there. Files are read per request, so a
 * rebuild shows at the next reload.
 */
export function serveConsole(app: Hono<AppEnv>, distDir: string = CONSOLE_DIST): void {
  app.get("/", (c) => c.redirect(CONSOLE_PATH, 302));
  app.get("/console", (c) => c.redirect(CONSOLE_PATH, 301));
  app.get(`${CONSOLE_PATH}config.json`, (c) =>
    c.json(LOCAL_CONSOLE_CONFIG, 200, { ...securityHeaders, "cache-control": "no-store" }),
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
