import { ensureConsoleBuilt } from "../console/tooling/build.js";
import { consoleBundleSize } from "../console/tooling/bundle-size.js";
import { launchChromium } from "../console/tooling/chromium.js";
import { freePort } from "../local/free-port.js";
import { startLocalStack } from "../local/local-stack.js";
import { clinicSchema, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import { signLocalToken } from "../shared/http/local-token.js";
import { median, round } from "./stats.js";

export interface ConsoleRenderResult {
  jsGzipKb: number;
  cssGzipKb: number;
  appointments: number;
  runs: number;
  /**
   * A fresh browser opening the console: page load until the sign-in page is ready, plus from pressing
   * "Sign in" to Today's grid showing every appointment (the clinic, protocols, clock and agenda read on
   * the way). The time a person takes to press the button is not counted. Median and max.
   */
  coldMedianMs: number;
  coldMaxMs: number;
  /** From clicking "Today" on another page of a signed-in console to the same grid: median, max. */
  inAppMedianMs: number;
  inAppMaxMs: number;
}

const APPOINTMENTS = 60;
const RUNS = 5;
/** The local clock starts on this Monday at 8:00 in New York, so it is the console's "today". */
const DAY = "2027-01-04";
const long = [{ open: "07:00", close: "21:00" }];

/**
 * The console as a front desk meets it: its JavaScript gzipped as CloudFront serves it, and how long headless
 * Chromium takes from navigation to a rendered Today of 60 appointments (6 chairs, 6 offices, every one of
 * them in use), against its own in-memory local stack. The sign-in is the local one: a click, no password.
 */
export async function measureConsoleRender(): Promise<ConsoleRenderResult> {
  await ensureConsoleBuilt();
  const size = consoleBundleSize();
  const stack = await startLocalStack({
    port: 0,
    sesPort: await freePort(),
    dynamodbPort: await freePort(),
    clinic: clinicSchema.parse({
      ...DEFAULT_CLINIC,
      chairs: 6,
      offices: 6,
      hours: { mon: long, tue: long, wed: long, thu: long, fri: long, sat: long, sun: long },
    }),
    initialTime: new Date("2027-01-04T13:00:00Z"),
  });
  const browser = await launchChromium().catch(async (error) => {
    await stack.stop();
    throw error;
  });
  try {
    const token = await signLocalToken({ roles: ["staff"], secret: stack.jwtSecret });
    const call = async (path: string, body: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    // 60 one-hour consultations: 6 offices from 9:00 to 19:00 (New York, EST in January).
    for (let i = 0; i < APPOINTMENTS; i++) {
      const patient = await call("/patients", {
        firstName: "Bench",
        lastName: `Patient ${i + 1}`,
        email: `bench.${i + 1}@example.com`,
        emailConsent: true,
      });
      const hour = String(9 + Math.floor(i / 6)).padStart(2, "0");
      await call("/appointments", {
        patientId: patient.id,
        service: "consultation",
        start: `${DAY}T${hour}:00:00-05:00`,
      });
    }
    const url = `${stack.apiUrl}/console/`;
    // The last of the 60 entries on the grid (a string predicate would be eval, which the console's CSP forbids).
    const rendered = (page: import("playwright-core").Page) =>
      page
        .locator("section.lane li.entry")
        .nth(APPOINTMENTS - 1)
        .waitFor({ timeout: 30_000 });
    const cold: number[] = [];
    const inApp: number[] = [];
    // One warm-up, then the measured runs, each in a fresh browser context (no cache, no token).
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      const signIn = page.getByRole("button", { name: "Sign in" });
      await signIn.waitFor();
      const loadMs = performance.now() - started;
      const pressed = performance.now();
      await signIn.click();
      await rendered(page);
      const coldMs = loadMs + (performance.now() - pressed);
      await page.getByRole("link", { name: "Clinic", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Clinic settings" }).waitFor();
      const clicked = performance.now();
      await page.getByRole("link", { name: "Today" }).click();
      await rendered(page);
      const inAppMs = performance.now() - clicked;
      if (run > 0) {
        cold.push(coldMs);
        inApp.push(inAppMs);
      }
      await context.close();
    }
    return {
      jsGzipKb: round(size.jsGzipBytes / 1024),
      cssGzipKb: round(size.cssGzipBytes / 1024),
      appointments: APPOINTMENTS,
      runs: RUNS,
      coldMedianMs: round(median(cold)),
      coldMaxMs: round(Math.max(...cold)),
      inAppMedianMs: round(median(inApp)),
      inAppMaxMs: round(Math.max(...inApp)),
    };
  } finally {
    await Promise.allSettled([browser.close(), stack.stop()]);
  }
}
