import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { CONSOLE_DIST } from "./build.js";

/**
 * What a browser downloads to start the console, gzipped as CloudFront serves it: for the bench's size
 * budget (150 KB of JavaScript). Reads a build; `ensureConsoleBuilt()` makes one.
 */
export function consoleBundleSize(distDir: string = CONSOLE_DIST): {
  jsGzipBytes: number;
  cssGzipBytes: number;
} {
  const assets = join(distDir, "assets");
  const gzipped = (ext: string) =>
    readdirSync(assets)
      .filter((file) => extname(file) === ext)
      .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0);
  return { jsGzipBytes: gzipped(".js"), cssGzipBytes: gzipped(".css") };
}
