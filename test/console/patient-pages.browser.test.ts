import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../console/tooling/chromium.js";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";
import { answerLinksIn, bookedConsultation, clockTo } from "../support/patient-links.js";
import { expectAccessible } from "./browser.js";

const PHONE = { width: 390, height: 844 };

/**
 * The pages behind the email's Confirm and Cancel links, in Debian's Chromium at phone size, against the
 * real local stack: readable without zooming or scrolling sideways, working without JavaScript (the button
 * is a plain form), no CSP violation, and no serious or critical axe-core finding on any of them.
 */
describe("patients' Confirm and Cancel pages on a phone", () => {
  let h: LocalStackHarness;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    [h, browser] = await Promise.all([localStackHarness({ clinic: DEFAULT_CLINIC }), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), h?.stack.stop()]);
  });

  /**
   * A phone-sized window. The pages have no script (their CSP allows none); axe-core needs the browser's
   * JavaScript to inspect them, so it is off only where a test says so, as a cautious mail app may have it.
   */
  async function phonePage(url: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, isMobile: true });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) problems.push(m.text());
    });
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    return page;
  }

  async function expectFitsThePhone(page: Page, what: string) {
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    expect(width, `${what}: no sideways scrolling`).toBeLessThanOrEqual(PHONE.width);
    const button = page.getByRole("button");
    if ((await button.count()) > 0) {
      const box = await button.boundingBox();
      // A thumb-sized target (WCAG 2.5.5 asks 44 px), in the first screen.
      expect(box!.height, `${what}: button height`).toBeGreaterThanOrEqual(44);
      expect(box!.y + box!.height, `${what}: button on the first screen`).toBeLessThanOrEqual(PHONE.height);
    }
    await expectAccessible(page, what);
  }

  it("works without JavaScript: the button is a plain form", async () => {
    const { email, appointmentId } = await bookedConsultation(h, "2026-12-02T11:00:00-05:00");
    await clockTo(h, "2026-11-30T13:04:00Z", email);
    const links = answerLinksIn((await h.emailsTo(email))[0]!);
    const page = await phonePage(links.confirm, false);
    await page.getByRole("button", { name: "Yes, I will be there" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you, you are confirmed" }).waitFor();
    expect((await h.call("GET", `/appointments/${appointmentId}`)).body.confirmation).toBe("confirmed");
  }, 120_000);

  it("confirms and cancels by tapping, and every page it passes through is accessible", async () => {
    const first = await bookedConsultation(h, "2026-12-03T10:00:00-05:00");
    const second = await bookedConsultation(h, "2026-12-04T10:00:00-05:00");
    await clockTo(h, "2026-11-30T13:10:00Z", first.email);
    const confirmLinks = answerLinksIn((await h.emailsTo(first.email))[0]!);
    const cancelLinks = answerLinksIn((await h.emailsTo(second.email))[0]!);

    const confirm = await phonePage(confirmLinks.confirm);
    await confirm.getByRole("heading", { level: 1, name: "Confirm your appointment" }).waitFor();
    expect(await confirm.getByText("Thursday, 3 December 2026 at 10:00 AM EST").count()).toBe(1);
    expect(await confirm.getByText("Riverside Wellness Clinic").count()).toBe(1);
    await expectFitsThePhone(confirm, "the Confirm page");
    await confirm.getByRole("button", { name: "Yes, I will be there" }).click();
    await confirm.getByRole("heading", { level: 1, name: "Thank you, you are confirmed" }).waitFor();
    await expectFitsThePhone(confirm, "the confirmed page");
    // Back and press again: a clear page, nothing changed.
    await confirm.goBack();
    await confirm.reload();
    await confirm.getByRole("heading", { level: 1, name: "You have already confirmed" }).waitFor();
    await expectFitsThePhone(confirm, "the already-confirmed page");

    const cancel = await phonePage(cancelLinks.cancel);
    await cancel.getByRole("heading", { level: 1, name: "Cancel your appointment?" }).waitFor();
    await expectFitsThePhone(cancel, "the Cancel page");
    await cancel.getByRole("button", { name: "Cancel this appointment" }).click();
    await cancel.getByRole("heading", { level: 1, name: "Your appointment is cancelled" }).waitFor();
    await expectFitsThePhone(cancel, "the cancelled page");
    expect((await h.call("GET", `/appointments/${second.appointmentId}`)).body.status).toBe("cancelled");

    const forgedUrl = cancelLinks.confirm.replace(
      /(.)\/confirm$/,
      (_, c) => `${c === "x" ? "y" : "x"}/confirm`,
    );
    const forged = await phonePage(forgedUrl);
    await forged.getByRole("heading", { level: 1, name: "Link not recognised" }).waitFor();
    await expectFitsThePhone(forged, "the not-recognised page");

    // Inside the notice window: the call-us page, with a number a phone can dial.
    await clockTo(h, "2026-12-02T16:00:00Z", first.email);
    const late = await phonePage(confirmLinks.cancel);
    await late.getByRole("heading", { level: 1, name: "Please call us to cancel" }).waitFor();
    expect(await late.getByRole("link", { name: "+1 555 010 0100" }).getAttribute("href")).toBe(
      "tel:+15550100100",
    );
    await expectFitsThePhone(late, "the call-us page");
    expect(problems).toEqual([]);
  }, 240_000);
});
