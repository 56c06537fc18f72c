import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleHarness, consoleHarness, expectAccessible, goTo, signIn, signOut } from "./browser.js";

/**
 * REMS monitoring forms in the console, in a real Chromium against the real local stack. Two esketamine
 * sessions took place (Monday 30 November and Thursday 3 December); the local clock stands on Tuesday
 * 8 December, so the first form is overdue (it was due by the end of the 7th) and the second is due.
 */
describe("the clinician's REMS monitoring forms", () => {
  let h: ConsoleHarness;
  let page: Page;
  let patientId = "";
  let mondayId = "";

  beforeAll(async () => {
    h = await consoleHarness();
    let patient: { id: string };
    [page, patient] = await Promise.all([
      h.openPage(),
      h.local.eligiblePatient(["esketamine"], { remsEnrolled: true }),
    ]);
    patientId = patient.id;
    const book = async (start: string) => {
      const res = await h.local.call("POST", "/appointments", { patientId, service: "esketamine", start });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id as string;
    };
    mondayId = await book("2026-11-30T11:00:00-05:00");
    const thursdayId = await book("2026-12-03T11:00:00-05:00");
    await h.local.call("POST", "/local/clock", { now: "2026-12-08T09:00:00-05:00" }, "admin");
    for (const id of [mondayId, thursdayId]) {
      const marked = await h.local.call("POST", `/appointments/${id}/attendance`, { status: "completed" });
      if (marked.status !== 200) throw new Error(JSON.stringify(marked.body));
    }
  }, 180_000);
  afterAll(() => h?.stop());
  afterEach(() => h.expectNoPageErrors());

  it("lists the overdue form first, then the due one, each with its patient and by when", async () => {
    await signIn(page, "clinician");
    await goTo(page, "Clinician");
    const card = page.getByRole("region", { name: "REMS monitoring forms" });
    const overdue = card.getByRole("list", { name: "Overdue (1)", exact: true });
    expect(await overdue.getByRole("listitem").innerText()).toMatch(
      /^Overdue Okafor, Jamie · session of Mon, Nov 30 · was due by Mon, Dec 7, 2026, 11:59 PM EST\s+Record form$/,
    );
    expect(
      await card.getByRole("list", { name: "Due (1)", exact: true }).getByRole("listitem").innerText(),
    ).toMatch(/^Due Okafor, Jamie · session of Thu, Dec 3 · due by Thu, Dec 10, 2026, 11:59 PM EST/);
    await expectAccessible(page, "Clinician: REMS forms");
  });

  it("records the overdue form, answering in words, and lists it as submitted", async () => {
    const card = page.getByRole("region", { name: "REMS monitoring forms" });
    await card
      .getByRole("button", { name: "Record form for Okafor, Jamie · session of Mon, Nov 30" })
      .click();
    const form = card.getByRole("form", { name: "REMS form for Okafor, Jamie · session of Mon, Nov 30" });
    const when = form.getByLabel(/^Submitted to the REMS program/);
    // Now, on the clinic's clock.
    expect(await when.inputValue()).toBe("2026-12-08T09:00");
    await when.fill("2026-11-30T10:00");
    await form.getByRole("button", { name: "Record as submitted" }).click();
    await form
      .getByRole("alert")
      .getByText("A form cannot have been submitted before its session started.")
      .waitFor();
    await expectAccessible(page, "Clinician: recording a REMS form");

    await when.fill("2026-12-07T16:30");
    await form.getByLabel(/^Reference/).fill("PMF-1234");
    await form.getByRole("button", { name: "Record as submitted" }).click();
    await card
      .getByRole("status")
      .getByText(
        "Recorded: the REMS form for Okafor, Jamie's session of Mon, Nov 30, submitted Mon, Dec 7, 2026, 4:30 PM EST (reference PMF-1234).",
      )
      .waitFor();
    expect(await card.getByRole("list", { name: /^Overdue/ }).count()).toBe(0);
    const saved = await h.local.call("GET", `/patients/${patientId}/appointments`);
    const monday = saved.body.appointments.find((a: { id: string }) => a.id === mondayId);
    expect(monday.remsForm).toMatchObject({ submittedAt: "2026-12-07T21:30:00.000Z", reference: "PMF-1234" });

    await card.getByText("Submitted (sessions of the last 31 days)").click();
    await card
      .getByRole("list", { name: "Submitted forms" })
      .getByText("Okafor, Jamie · session of Mon, Nov 30 · submitted Mon, Dec 7, 2026, 4:30 PM EST")
      .waitFor();
  });

  it("shows each esketamine session's form on the patient's record", async () => {
    await page.getByRole("link", { name: "Okafor, Jamie" }).first().click();
    const monday = page.locator("li.history-item", { hasText: "Mon, Nov 30, 2026, 11:00" });
    await monday.getByText("REMS form submitted", { exact: true }).waitFor();
    await monday
      .getByText("REMS form submitted Mon, Dec 7, 2026, 4:30 PM EST · reference PMF-1234")
      .waitFor();
    const thursday = page.locator("li.history-item", { hasText: "Thu, Dec 3, 2026, 11:00" });
    await thursday.getByText("REMS form due", { exact: true }).waitFor();
    await thursday.getByText(/^REMS form due by Thu, Dec 10, 2026, 11:59 PM EST/).waitFor();
    await expectAccessible(page, "Patient: REMS forms");
  });

  it("shows the front desk the forms to chase, without Record", async () => {
    await signOut(page);
    await signIn(page, "staff");
    await goTo(page, "Clinician");
    const card = page.getByRole("region", { name: "REMS monitoring forms" });
    await card.getByRole("list", { name: "Due (1)", exact: true }).waitFor();
    expect(await card.getByRole("button", { name: /Record/ }).count()).toBe(0);
  });
});
