import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { ensureConsoleBuilt } from "../../console/tooling/build.js";
import { launchChromium } from "../../console/tooling/chromium.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

/**
 * The console on a real local stack (API, DynamoDB Local, Scheduler and SES emulators) and one Chromium
 * for the whole test file. Each test opens pages in its own context (a fresh, signed-out browser).
 */
export async function consoleHarness() {
  await ensureConsoleBuilt();
  const [local, browser] = await Promise.all([localStackHarness(), launchChromium()]);
  const consoleUrl = `${local.stack.apiUrl}/console/`;

  /** Script errors and CSP violations on any page of this file: `expectNoPageErrors` asserts none. */
  const pageErrors: string[] = [];

  /** A new signed-out browser window, at 1280x800 unless told otherwise. */
  async function openPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`script error: ${error.message}`));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) pageErrors.push(`CSP: ${message.text()}`);
    });
    // A loaded CI machine runs the stack, the browser and the tests on two cores: wait for states, generously.
    page.setDefaultTimeout(20_000);
    await page.goto(consoleUrl);
    return page;
  }

  return {
    local,
    browser,
    consoleUrl,
    openPage,
    expectNoPageErrors: () => expect(pageErrors).toEqual([]),
    async stop() {
      await Promise.allSettled([browser.close(), local.stack.stop()]);
    },
  };
}

export type ConsoleHarness = Awaited<ReturnType<typeof consoleHarness>> & { local: LocalStackHarness };

type Role = "staff" | "clinician" | "admin";
const ROLE_LABEL: Record<Role, RegExp> = {
  staff: /Front desk/,
  clinician: /Clinician/,
  admin: /Administrator/,
};

/** Signs in on the local sign-in page by picking the role; the console opens where the window was. */
export async function signIn(page: Page, role: Role): Promise<void> {
  await page.getByRole("radio", { name: ROLE_LABEL[role] }).check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/**
 * Opens a page from the console's navigation. Page content may hold links of the same name (a patient's
 * record links to "the Clinician page"), and may still be on screen when this runs: ask the nav alone.
 */
export async function goTo(page: Page, title: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("link", { name: title, exact: true })
    .click();
}

/**
 * From now until `restore`, GETs of the API path ending in `path` answer half a second late, as on a slow
 * connection: a page that says something is saved before it shows it is caught showing the old data.
 */
export async function answersLate(page: Page, path: string): Promise<{ restore(): Promise<void> }> {
  const matches = (url: URL) => url.pathname.endsWith(path);
  await page.route(matches, async (route) => {
    if (route.request().method() === "GET") await new Promise((answer) => setTimeout(answer, 500));
    await route.continue();
  });
  // "wait": a late answer still held when the test moves on is let through, not cut off.
  return { restore: () => page.unrouteAll({ behavior: "wait" }) };
}

/**
 * From now on, records each state the button with this aria-label passes through: "ready" (enabled),
 * "busy" (disabled) or "gone". A MutationObserver sees every render, however brief, so a button that
 * comes back for a moment is caught without timing anything.
 */
export async function watchButton(page: Page, label: string): Promise<{ states(): Promise<string[]> }> {
  // A string, as FOCUSED_NAME below: the tests compile without the DOM's types.
  await page.evaluate(`(() => {
    const seen = (window.buttonStates = []);
    const record = () => {
      const button = document.querySelector('button[aria-label=' + ${JSON.stringify(JSON.stringify(label))} + ']');
      const state = !button ? "gone" : button.disabled ? "busy" : "ready";
      if (seen.at(-1) !== state) seen.push(state);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
  return { states: () => page.evaluate("window.buttonStates") };
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByText("You are signed out.").waitFor();
}

/** axe-core's findings on the page as it is now: none serious or critical may remain. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking, `accessibility of ${what}`).toEqual([]);
}

/** What a screen reader would call the focused element, near enough: its label, aria-label or text. */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  const label = el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText);
  return (label || el.innerText || "").replace(/\\s+/g, " ").trim();
})()`;

/**
 * Presses Tab until the focused element's name matches, as someone without a mouse would. Fails after
 * `max` presses, so an element the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = (await page.evaluate(FOCUSED_NAME)) as string;
    if (name.test(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached ${name} in ${max} presses; it went through: ${seen.join(" | ")}`);
}

export const focusedName = async (page: Page): Promise<string> =>
  (await page.evaluate(FOCUSED_NAME)) as string;
