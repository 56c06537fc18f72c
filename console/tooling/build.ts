import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The console's source and its build (console/dist, not committed). */
export const CONSOLE_DIR = fileURLToPath(new URL("../", import.meta.url));
export const CONSOLE_DIST = join(CONSOLE_DIR, "dist");

/** Everything the build reads: a change to any of these makes console/dist stale. */
function newestSourceTime(sourceDir: string): number {
  const inputs = ["index.html", "vite.config.ts", "tsconfig.json", "src"].map((p) => join(sourceDir, p));
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
 * `npm install && npm start` serves the current console, and `cdk synth` deploys it. The build goes to a directory of its own and is
 * then moved into place: two processes starting at once (two test files) never see half a build.
 */
export async function ensureConsoleBuilt(
  options: { sourceDir?: string; log?: (message: string) => void } = {},
): Promise<"fresh" | "built"> {
  const sourceDir = options.sourceDir ?? CONSOLE_DIR;
  const distDir = join(sourceDir, "dist");
  if (!consoleBuildIsStale(sourceDir, distDir)) return "fresh";
  const first = !existsSync(join(distDir, "index.html"));
  options.log?.(
    `Building the staff console (${first ? "its first build" : "its sources changed since the last build"})...`,
  );
  const outDir = `${distDir}.build-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  // Vite builds for whatever NODE_ENV says, and vitest sets "test": a build made by a test run would be a
  // larger, unoptimised one that npm start then serves as fresh. The console is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
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
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
  return "built";
}
