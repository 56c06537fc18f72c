import { DateTime } from "luxon";
import { ensureConsoleBuilt } from "../console/tooling/build.js";
import { consoleBundleSize } from "../console/tooling/bundle-size.js";
import { launchChromium } from "../console/tooling/chromium.js";
import { startLocalStack } from "../local/local-stack.js";
import { type Clinic, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import type { ServiceId } from "../shared/domain/types.js";
import { randomIds } from "../shared/ports/id-source.js";
import { bookAppointment } from "../shared/use-cases/book-appointment.js";
import { patientRecord } from "./fixtures.js";
import { median, round } from "./stats.js";

export interface ConsoleResult {
  /** The console's JavaScript and CSS, gzipped as CloudFront serves them. */
  jsGzipKb: number;
  cssGzipKb: number;
  /** Whether this run built the console (Vite) or found a fresh build. */
  build: "fresh" | "built";
  appointments: number;
  lanes: number;
  runs: number;
  /** Median and slowest ms from navigation start to the sign-in form, in a fresh browser context each. */
  signInFormMs: { median: number; max: number };
  /** Median and slowest ms from navigation start to Today with every appointment rendered (sign-in included). */
  todayMs: { median: number; max: number };
  /** API requests the page sent on the way to Today (the console's own files not counted), per run. */
  apiRequests: number;
  chromium: string;
}

/** A busy weekday at a clinic of 8 chairs and 4 offices: 40 two-hour IV sessions and 20 consultations. */
const CLINIC: Clinic = { ...DEFAULT_CLINIC, chairs: 8, offices: 4 };
const DAY = "2027-01-04";
const SESSIONS: { service: ServiceId; hour: number }[] = [
  ...[8, 10, 12, 14, 16].flatMap((hour) =>
    Array.from({ length: CLINIC.chairs }, () => ({ service: "iv-ketamine" as const, hour })),
  ),
  ...[8, 10, 12, 14, 16].flatMap((hour) =>
    Array.from({ length: CLINIC.offices }, () => ({ service: "consultation" as const, hour })),
  ),
];
const RUNS = 5;

/** The page's document, inside the predicate Playwright runs in the browser (no DOM types in this project). */
declare const document: { querySelectorAll(selector: string): { length: number } };

/**
 * The console as a front desk opens it in the morning: a fresh browser (no cache, signed out) navigates
 * to it, signs in locally (one click, POST /local/sign-in) and waits for Today with all 60 appointments
 * in their lanes. The time is read in the page (performance.now(), from the navigation's start) on the
 * first animation frame where all 60 entries are in the DOM. The console is served by a local stack of
 * its own (API in this process, on its own table and clock) on the DynamoDB Local and SES emulator given;
 * one Chromium.
 */
export async function measureConsole(services: {
  dynamodbEndpoint: string;
  sesEndpoint: string;
}): Promise<ConsoleResult> {
  const build = await ensureConsoleBuilt();
  const size = consoleBundleSize();
  const stack = await startLocalStack({
    port: 0,
    sesPort: 0,
    dynamodbPort: 0,
    schedulerPort: 0,
    tableName: `bench-console-${Date.now()}`,
    clinic: CLINIC,
    // 07:00 in New York on the day: every session is still ahead.
    initialTime: DateTime.fromISO(`${DAY}T07:00`, { zone: CLINIC.timezone }).toJSDate(),
    jwtSecret: "bench-console",
    external: services,
  });
  try {
    const deps = { store: stack.store, clock: stack.clock, ids: randomIds, clinicDefaults: CLINIC };
    const bookedAt = stack.clock.now().toISOString();
    for (const [n, s] of SESSIONS.entries()) {
      const patient = patientRecord(bookedAt, { eligible: ["iv-ketamine"], n });
      await stack.store.createPatient(patient);
      const start = DateTime.fromISO(DAY, { zone: CLINIC.timezone }).set({ hour: s.hour }).toISO()!;
      await bookAppointment(deps, { patientId: patient.id, service: s.service, start });
    }

    const browser = await launchChromium();
    try {
      const signInForm: number[] = [];
      const today: number[] = [];
      const apiRequests: number[] = [];
      // One unmeasured run first: Chromium's own start-up (its first renderer, font cache) is not the console's.
      for (let run = 0; run <= RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(30_000);
          let requests = 0;
          page.on("request", (request) => {
            if (!new URL(request.url()).pathname.startsWith("/console/")) requests++;
          });
          await page.goto(`${stack.apiUrl}/console/`);
          const signIn = page.getByRole("button", { name: "Sign in" });
          await signIn.waitFor();
          const formMs = (await page.evaluate("performance.now()")) as number;
          await signIn.click();
          // A function, not a string: the console's CSP (no 'unsafe-eval') refuses a string predicate.
          const rendered = await page.waitForFunction(
            (n) =>
              document.querySelectorAll(".time-grid .entry .entry-name").length >= n && performance.now(),
            SESSIONS.length,
            { polling: "raf" },
          );
          const todayMs = (await rendered.jsonValue()) as number;
          if (run === 0) continue;
          signInForm.push(formMs);
          today.push(todayMs);
          apiRequests.push(requests);
        } finally {
          await context.close();
        }
      }
      return {
        jsGzipKb: round(size.jsGzipBytes / 1024),
        cssGzipKb: round(size.cssGzipBytes / 1024),
        build,
        appointments: SESSIONS.length,
        lanes: CLINIC.chairs + CLINIC.offices,
        runs: RUNS,
        signInFormMs: { median: round(median(signInForm)), max: round(Math.max(...signInForm)) },
        todayMs: { median: round(median(today)), max: round(Math.max(...today)) },
        apiRequests: median(apiRequests),
        chromium: browser.version(),
      };
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}
