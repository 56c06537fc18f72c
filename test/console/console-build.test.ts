import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CONSOLE_DIST, ensureConsoleBuilt } from "../../console/tooling/build.js";

it("is built for production even when a test run builds it (vitest sets NODE_ENV=test)", async () => {
  await ensureConsoleBuilt();
  const scripts = readdirSync(join(CONSOLE_DIST, "assets")).filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    // A development build records each JSX element's source file and line; a production build has none.
    const script = readFileSync(join(CONSOLE_DIST, "assets", file), "utf8");
    expect(script.includes("lineNumber:"), `${file} is a development build`).toBe(false);
  }
}, 120_000);
