import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`): `npx playwright install` cannot download here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A headless run in a container: no sandbox (no user namespaces), no updater, no first-run screens. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Chromium for the console's browser tests and screenshots. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
