/**
 * `npm run console:screenshots`: a sample clinic's Monday in the real local stack (in memory, free ports),
 * photographed in Chromium for the README: console/screenshots/*.png. Rerun it after changing a page.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { freePort } from "../../local/free-port.js";
import { startLocalStack } from "../../local/local-stack.js";
import { signLocalToken } from "../../shared/http/local-token.js";
import type { Role } from "../../shared/http/roles.js";
import { CONSOLE_DIST, ensureConsoleBuilt } from "./build.js";
import { launchChromium } from "./chromium.js";

const OUT = fileURLToPath(new URL("../screenshots/", import.meta.url));
const MONDAY = "2026-11-30";

await ensureConsoleBuilt({ log: console.log });
const stack = await startLocalStack({
  port: 0,
  sesPort: await freePort(),
  dynamodbPort: await freePort(),
  // The Monday before, 7:30 in New York: consultations, outcomes and series all happen in the past week.
  initialTime: new Date("2026-11-23T12:30:00Z"),
});

/** One API call as `role`; throws on any refusal (the sample day must come out the same every time). */
async function call<T = { id: string }>(
  method: string,
  path: string,
  body?: unknown,
  role: Role = "staff",
): Promise<T> {
  const token = await signLocalToken({ roles: [role], secret: stack.jwtSecret });
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

const patient = async (firstName: string, lastName: string) =>
  (
    await call("POST", "/patients", {
      firstName,
      lastName,
      // "Lucía O'Brien" -> lucia.obrien@example.com
      email: `${`${firstName}.${lastName}`
        .normalize("NFD")
        .toLowerCase()
        .replace(/[^a-z.]/g, "")}@example.com`,
      phone: "(555) 010-0199",
      emailConsent: true,
    })
  ).id as string;

/** Books the service at the given New York wall time (EST in late November). */
const book = async (patientId: string, service: string, local: string) =>
  call("POST", "/appointments", { patientId, service, start: `${local}:00-05:00` });

try {
  const series = [
    ["Avery", "Chen", "2026-11-25T08:00"],
    ["Priya", "Nair", "2026-11-26T09:00"],
    ["Daniel", "Okafor", "2026-11-26T10:00"],
    ["María", "García", "2026-11-27T12:00"],
    ["Sam", "O'Brien", "2026-11-26T14:00"],
    ["Hannah", "Kim", "2026-11-27T15:30"],
  ] as const;
  const ids: string[] = [];
  const consultations: string[] = [];
  for (const [i, [first, last]] of series.entries()) {
    const id = await patient(first, last);
    ids.push(id);
    const hour = 8 + Math.floor(i / 2);
    consultations.push((await book(id, "consultation", `2026-11-23T${String(hour).padStart(2, "0")}:00`)).id);
  }
  const lucia = await patient("Lucía", "Romero");
  consultations.push((await book(lucia, "consultation", "2026-11-23T11:00")).id);
  await stack.advance(new Date("2026-11-23T23:00:00Z"));
  for (const id of consultations) {
    await call(
      "POST",
      `/appointments/${id}/outcome`,
      { eligible: true, protocols: ["iv-ketamine", "kap"] },
      "clinician",
    );
  }
  for (const [i, [, , start]] of series.entries()) {
    await call("POST", "/series", {
      patientId: ids[i],
      protocolId: "iv-ketamine",
      start: `${start}:00-05:00`,
    });
  }
  // Monday's first consultations in the offices.
  const newcomers = [
    ["Marcus", "Reed", "09:00"],
    ["Tom", "Becker", "11:00"],
    ["Grace", "Liu", "13:30"],
    ["Noah", "Fischer", "15:00"],
  ] as const;
  for (const [first, last, time] of newcomers)
    await book(await patient(first, last), "consultation", `${MONDAY}T${time}`);

  // Monday, 10:40: the first two chairs' sessions are over.
  await stack.advance(new Date(`${MONDAY}T15:40:00Z`));
  type Listed = { id: string; start: string; service: string; patientId: string };
  const { appointments: monday } = await call<{ appointments: Listed[] }>(
    "GET",
    `/appointments?from=${MONDAY}&to=${MONDAY}`,
  );
  const sessionOf = (patientId: string) =>
    monday.find((a) => a.patientId === patientId && a.service !== "consultation");
  await call("POST", `/appointments/${sessionOf(ids[0]!)!.id}/attendance`, { status: "completed" });
  await call("POST", `/appointments/${sessionOf(ids[1]!)!.id}/attendance`, { status: "no-show" });
  await call("POST", `/appointments/${sessionOf(ids[5]!)!.id}/cancel`, { reason: "Patient unwell" });
  await stack.settle();

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  const shoot = async (
    name: string,
    viewport: { width: number; height: number },
    go: (page: Page) => Promise<void>,
    fullPage = false,
  ) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${stack.apiUrl}/console/`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("region", { name: "Chair 1" }).waitFor();
    await go(page);
    await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
    console.log(`wrote console/screenshots/${name}.png`);
  };
  const today = async (page: Page) => {
    await page.getByRole("button", { name: /Chen, Avery/ }).waitFor();
  };
  await shoot("today", { width: 1280, height: 800 }, today);
  await shoot("today-tablet", { width: 1024, height: 768 }, today);
  // The series' plan before booking, scrolled so the first-session picker and every planned session show.
  await shoot("series-preview", { width: 1280, height: 800 }, async (page) => {
    await page.evaluate(`location.hash = "#/book/${lucia}"`);
    const card = page.locator("section.card", {
      has: page.getByRole("heading", { name: "Treatment series" }),
    });
    await card.getByRole("button", { name: /^Wed, Dec 2/ }).click();
    await card.getByRole("radio", { name: "10:00 AM" }).check();
    await card.getByRole("table", { name: /^Planned sessions/ }).waitFor();
    await card.getByRole("button", { name: /^Book these \d+ sessions$/ }).scrollIntoViewIfNeeded();
  });
  await shoot("patient", { width: 1280, height: 800 }, async (page) => {
    await page.evaluate(`location.hash = "#/patients/${ids[0]}"`);
    await page.getByRole("heading", { name: "Appointments and emails" }).waitFor();
    await page.getByText("Cancellation notice").or(page.getByText("Confirmation").first()).first().waitFor();
  });
  await browser.close();
  console.log(`(console build: ${CONSOLE_DIST})`);
} finally {
  await stack.stop();
}
