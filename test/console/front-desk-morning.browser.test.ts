import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  answersLate,
  type ConsoleHarness,
  consoleHarness,
  expectAccessible,
  focusedName,
  goTo,
  signIn,
  signOut,
  tabTo,
  watchButton,
} from "./browser.js";

/**
 * A front desk's first morning in the staff console, in a real Chromium against the real local stack
 * (API, DynamoDB Local, Scheduler and SES emulators): the steps build on each other, like the morning.
 * The local clock starts on Monday 2026-11-30 at 8:00 in New York.
 */
describe("the staff console: a front desk's morning", () => {
  let h: ConsoleHarness;
  let page: Page;
  const email = `jordan.lee.${randomUUID().slice(0, 8)}@example.com`;
  let patientId = "";

  beforeAll(async () => {
    h = await consoleHarness();
    page = await h.openPage();
  }, 180_000);
  afterAll(() => h?.stop());
  afterEach(() => h.expectNoPageErrors());

  const card = (title: string) =>
    page.locator("section.card", { has: page.getByRole("heading", { name: title, exact: true }) });
  const go = (hash: string) => page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  const appointments = async () =>
    (await h.local.call("GET", `/patients/${patientId}/appointments`)).body.appointments as {
      id: string;
      service: string;
      start: string;
      end: string;
      status: string;
      sequence?: number;
      reminders: { kind: string; status: string }[];
    }[];

  it("signs the front desk in and shows today by chair and office", async () => {
    await expectAccessible(page, "the sign-in page");
    await signIn(page, "staff");
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.getByRole("region", { name: "Chair 1" }).waitFor();
    expect(await page.getByText("Monday, November 30, 2026").count()).toBe(1);
    for (const lane of ["Chair 1", "Chair 4", "Office 1", "Office 2"]) {
      expect(await page.getByRole("region", { name: lane }).count(), lane).toBe(1);
    }
    expect(await page.getByText("Times in America/New York (EST)").count()).toBe(1);
    // The day went out with the clinic's settings at sign-in, as the clinic's today (no date: the API's
    // clock says which day), not after the console had learned the date from them; and it was read once.
    const reads = (await page.evaluate(`performance.getEntriesByType("resource")
      .map((r) => ({ url: new URL(r.name), start: r.startTime, end: r.responseEnd }))
      .filter((r) => r.url.pathname === "/agenda" || r.url.pathname === "/clinic")
      .map((r) => ({ path: r.url.pathname + r.url.search, start: r.start, end: r.end }))`)) as {
      path: string;
      start: number;
      end: number;
    }[];
    const agenda = reads.filter((r) => r.path.startsWith("/agenda"));
    const clinic = reads.find((r) => r.path === "/clinic");
    expect(agenda.map((r) => r.path)).toEqual(["/agenda"]);
    expect(agenda[0]!.start).toBeLessThan(clinic!.end);
    await expectAccessible(page, "Today");
  });

  it("registers a patient, then finds them by last name without the name entering the address", async () => {
    await goTo(page, "Book");
    await page.getByRole("button", { name: "Register a new patient" }).click();
    await page.getByLabel("First name").fill("Jordan");
    await page.getByLabel("Last name").fill("Lee");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await page.getByLabel("The patient agrees to appointment emails").check();
    await expectAccessible(page, "Book: register a patient");
    await page.getByRole("button", { name: "Register patient" }).click();
    await page.getByRole("heading", { name: "Lee, Jordan" }).waitFor();
    patientId = /#\/book\/([\w-]+)/.exec(page.url())?.[1] ?? "";
    expect((await h.local.call("GET", `/patients/${patientId}`)).body.email).toBe(email);

    await page.getByRole("link", { name: "Another patient" }).click();
    await page.getByLabel("Name, phone or email").fill("lee, jor");
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("list", { name: "Patients found" })
      .getByRole("button", { name: /Lee, Jordan/ })
      .click();
    await page.getByRole("heading", { name: "Lee, Jordan" }).waitFor();
    expect(page.url()).toContain(`#/book/${patientId}`);
    expect(page.url().toLowerCase()).not.toContain("lee");
    expect(page.url()).not.toContain("jor");
  });

  it("books a consultation at a free time and says which emails will go out", async () => {
    const consultation = card("Consultation");
    await consultation.getByRole("radio").first().check();
    await expectAccessible(page, "Book: a patient with free times");
    await consultation.getByRole("button", { name: /^Book consultation on/ }).click();
    await consultation.getByText("Consultation booked").waitFor();
    expect(await consultation.getByText(/Confirmation: /).count()).toBe(1);
    const [booked] = await appointments();
    expect(booked).toMatchObject({ service: "consultation", status: "booked" });
  });

  it("lets a clinician record the consultation's outcome once it has taken place", async () => {
    const [consultation] = await appointments();
    await h.local.call("POST", "/local/clock", { now: consultation!.end }, "admin");
    await signOut(page);
    await signIn(page, "clinician");
    await goTo(page, "Clinician");
    const outcomes = card("Consultations awaiting an outcome");
    await outcomes.getByRole("link", { name: "Lee, Jordan" }).waitFor();
    await expectAccessible(page, "Clinician");
    await outcomes.getByRole("button", { name: "Record outcome…" }).click();
    await outcomes.getByLabel("Eligible for treatment").check();
    await outcomes.getByLabel("IV ketamine infusion series").check();
    await outcomes.getByRole("button", { name: "Save outcome" }).click();
    await outcomes.getByText(/^None: every consultation/).waitFor();
    expect((await h.local.call("GET", `/patients/${patientId}`)).body.eligibleProtocols).toEqual([
      "iv-ketamine",
    ]);
  });

  it("plans a six-session IV series, shows every session before booking, and books that plan", async () => {
    await signOut(page);
    await signIn(page, "staff");
    await go(`#/book/${patientId}`);
    const series = card("Treatment series");
    // A first session at the edge of the 365-day horizon: the preview says why no plan fits, books nothing.
    await series.getByLabel("From", { exact: true }).fill("2027-11-29");
    await series.getByRole("button", { name: /^Mon, Nov 29/ }).click();
    await series.getByRole("radio", { name: "10:00 AM" }).check();
    await series
      .getByRole("alert")
      .getByText(/beyond the 365-day booking horizon/)
      .waitFor();
    expect(await series.getByText("Nothing is booked. Choose another first session.").count()).toBe(1);
    expect(await series.getByRole("button", { name: "No plan to book" }).isDisabled()).toBe(true);
    await expectAccessible(page, "Book: a series that cannot be planned");

    await series.getByLabel("From", { exact: true }).fill("2026-11-30");
    await series.getByRole("button", { name: /^Thu, Dec 3/ }).click();
    await series.getByRole("radio", { name: "10:00 AM" }).check();
    const plan = series.getByRole("table", { name: "Planned sessions (not booked yet)" });
    await plan.waitFor();
    const rows = plan.locator("tbody tr");
    expect(await rows.count()).toBe(6);
    expect(await rows.first().innerText()).toMatch(
      /^1 of 6\s+Thu, Dec 3, 2026\s+10:00 AM – [^\t]+ EST\s+first$/,
    );
    const planned = await rows.allInnerTexts();
    // A preview writes nothing.
    expect((await appointments()).filter((a) => a.service === "iv-ketamine")).toEqual([]);
    await expectAccessible(page, "Book: a series' plan");

    await series.getByRole("button", { name: "Book these 6 sessions" }).click();
    await series.getByText(/6 sessions booked/).waitFor();
    const booked = series.getByRole("table", { name: "Booked sessions" }).locator("tbody tr");
    // What was booked is what the desk saw and read to the patient.
    expect(await booked.allInnerTexts()).toEqual(planned);
    const sessions = (await appointments()).filter((a) => a.service === "iv-ketamine");
    expect(sessions.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);

  it("shows the session on its day and cancels it in two clicks", async () => {
    const second = (await appointments()).find((a) => a.sequence === 2)!;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(
      new Date(second.start),
    );
    await goTo(page, "Today");
    await page.getByLabel("Date").fill(day);
    const entry = page.locator("section.lane").getByRole("button", { name: /Lee, Jordan.*IV 2 of 6/ });
    await entry.click();
    const dialog = page.getByRole("dialog", { name: "Jordan Lee · IV 2 of 6" });
    await expectAccessible(page, "Today: an appointment's actions");
    await dialog.getByRole("button", { name: "Cancel appointment…" }).click();
    await dialog.getByLabel(/^Reason/).fill("Patient is travelling");
    const late = await answersLate(page, "/agenda");
    await dialog.getByRole("button", { name: "Cancel this appointment" }).click();
    // The dialog closes onto the day as it is now, even when the day answers late.
    await dialog.waitFor({ state: "detached" });
    const cancelled = page.getByRole("region", { name: "Cancelled" });
    expect(await cancelled.getByRole("button", { name: /Lee, Jordan · IV 2 of 6/ }).count()).toBe(1);
    expect(await entry.count()).toBe(0);
    await late.restore();
    expect((await h.local.call("GET", `/appointments/${second.id}`)).body.status).toBe("cancelled");
  });

  it("shows a booking made at another desk without a reload", async () => {
    const day = await page.getByLabel("Date").inputValue();
    const other = (
      await h.local.call("POST", "/patients", {
        firstName: "Robin",
        lastName: "Vale",
        email: `robin.vale.${randomUUID().slice(0, 8)}@example.com`,
        emailConsent: true,
      })
    ).body.id as string;
    const { slots } = (await h.local.call("GET", `/availability?service=consultation&from=${day}&to=${day}`))
      .body as { slots: { start: string }[] };
    await h.local.call("POST", "/appointments", {
      patientId: other,
      service: "consultation",
      start: slots[0]!.start,
    });
    // The page reads the agenda again every 15 seconds while it is visible.
    await page
      .locator("section.lane")
      .getByRole("button", { name: /Vale, Robin.*Consultation/ })
      .waitFor({ timeout: 25_000 });
  }, 40_000);

  it("sends the cancellation email, which the patient's record shows as sent", async () => {
    await h.local.stack.settle();
    const emails = await h.local.emailsTo(email);
    const cancellation = emails.find((e) => /has been cancelled/.test(e.body.text ?? ""));
    // Emails never name the treatment: "treatment session", on the clinic's clock.
    expect(cancellation?.body.text).toMatch(
      /Your treatment session on Saturday, 5 December 2026 at 10:00 AM EST has been cancelled/,
    );

    await page.getByRole("button", { name: /Lee, Jordan · IV 2 of 6/ }).click();
    await page.getByRole("link", { name: "Open Jordan Lee's record" }).click();
    await page.getByRole("heading", { level: 1, name: "Lee, Jordan" }).waitFor();
    const cancelled = page.locator("li.history-item", { hasText: "IV 2 of 6" });
    await cancelled.getByRole("row", { name: /Cancellation notice\s+Sent/ }).waitFor();
    expect(await cancelled.getByText("Cancelled: Patient is travelling").count()).toBe(1);
    await expectAccessible(page, "Patient");
  });

  it("resends the cancellation notice when the patient says it never came", async () => {
    const cancelled = page.locator("li.history-item", { hasText: "IV 2 of 6" });
    await cancelled.getByRole("button", { name: "Resend cancellation notice" }).click();
    await cancelled.getByText("Cancellation notice: a copy is on its way to the patient.").waitFor();
    await cancelled.getByRole("row", { name: /Cancellation notice \(copy\)/ }).waitFor();
    await h.local.stack.settle();
    const notices = (await h.local.emailsTo(email)).filter((e) =>
      /has been cancelled/.test(e.body.text ?? ""),
    );
    expect(notices).toHaveLength(2);
    // Tokens live in memory only, so a reload would sign out: leave the record and come back instead.
    await go("#/today");
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await go(`#/patients/${patientId}`);
    await cancelled.getByRole("row", { name: /Cancellation notice \(copy\)\s+Sent/ }).waitFor();
    await expectAccessible(page, "Patient, after a resend");
  });

  it("corrects the patient's phone, and the record shows the new one as the form closes", async () => {
    await page.getByRole("button", { name: "Edit details" }).click();
    const form = page.getByRole("form", { name: "Edit the patient's details" });
    await form.getByLabel("Phone").fill("+1 555 010 0199");
    // The record answers late, as on a slow connection: the form must not close onto the old details.
    const record = await answersLate(page, `/patients/${patientId}`);
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.waitFor({ state: "detached" });
    const details = page.getByRole("region", { name: "Details" });
    expect(await details.innerText()).toContain("+1 555 010 0199");
    await record.restore();
    expect((await h.local.call("GET", `/patients/${patientId}`)).body.phone).toBe("+1 555 010 0199");
  });

  it("lets an administrator change the opening hours and add a closed date", async () => {
    await signOut(page);
    await signIn(page, "admin");
    await goTo(page, "Clinic");
    await page.getByLabel("Saturday closes").fill("12:00");
    await page.getByLabel("Close the clinic on").fill("2026-12-24");
    await page.getByRole("button", { name: "Add closed date" }).click();
    await page.getByText("Thursday, December 24, 2026").waitFor();
    await expectAccessible(page, "Clinic settings");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    const clinic = (await h.local.call("GET", "/clinic")).body;
    expect(clinic.hours.sat).toEqual([{ open: "09:00", close: "12:00" }]);
    expect(clinic.closedDates).toContain("2026-12-24");
  });

  it("refuses a closed date that would strand a booking, says which, then closes the day and cancels it", async () => {
    const third = (await appointments()).find((a) => a.sequence === 3)!;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(
      new Date(third.start),
    );
    await page.getByLabel("Close the clinic on").fill(day);
    await page.getByRole("button", { name: "Add closed date" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
    await refusal.getByText(/Lee, Jordan · IV 3 of 6 falls on a date you are closing\./).waitFor();
    await expectAccessible(page, "Clinic settings: a refused change");
    expect((await h.local.call("GET", "/clinic")).body.closedDates).not.toContain(day);

    const closeDay = card("Close a day");
    await closeDay.getByLabel("Day to close").fill(day);
    await closeDay.getByLabel(/^Reason/).fill("Burst pipe");
    await closeDay.getByText(/^1 booked appointment on .* will be cancelled/).waitFor();
    await closeDay.getByRole("button", { name: "Close the clinic that day" }).click();
    const done = closeDay.getByRole("status");
    await done.getByText(/1 appointment was cancelled/).waitFor();
    expect(await done.getByText(/Lee, Jordan · IV 3 of 6/).count()).toBe(1);
    const after = (await h.local.call("GET", `/appointments/${third.id}`)).body;
    expect(after).toMatchObject({
      status: "cancelled",
      cancelledBy: "clinic-closure",
      cancelReason: "Burst pipe",
    });
    expect((await h.local.call("GET", "/clinic")).body.closedDates).toContain(day);
    // The form kept the new closed date: saving now changes nothing and reopens nothing.
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    expect((await h.local.call("GET", "/clinic")).body.closedDates).toContain(day);
    await expectAccessible(page, "Clinic settings: a day closed");
  });

  it("shows the local clock and lets an administrator move it a day on, sending what fell due", async () => {
    const clock = page.getByRole("region", { name: "Local clock" });
    const before = (await h.local.call("GET", "/local/clock")).body.now as string;
    await clock.getByRole("button", { name: "+1 day" }).click();
    await clock.getByRole("status").waitFor();
    const after = (await h.local.call("GET", "/local/clock")).body.now as string;
    expect(Date.parse(after) - Date.parse(before)).toBe(24 * 3_600_000);
    // The bar re-renders once the move's reply is in: wait for the new date rather than count at once.
    await clock.getByText("Tue, Dec 1, 2026").waitFor();
  });

  it("does it all from the keyboard: sign in, find the patient, book, open the day's appointment", async () => {
    const keyboard = await h.openPage();
    await tabTo(keyboard, /Front desk/);
    await tabTo(keyboard, /^Sign in$/);
    await keyboard.keyboard.press("Enter");
    await keyboard.getByRole("button", { name: "Sign out" }).waitFor();

    await tabTo(keyboard, /^Book$/);
    await keyboard.keyboard.press("Enter");
    await tabTo(keyboard, /^Name, phone or email$/);
    await keyboard.keyboard.type("lee");
    await keyboard.keyboard.press("Enter");
    await tabTo(keyboard, /^Lee, Jordan/);
    await keyboard.keyboard.press("Enter");
    await keyboard.getByRole("heading", { name: "Lee, Jordan" }).waitFor();

    // The times are one radio group: Tab enters it, Space picks the focused time.
    await tabTo(keyboard, /^\d{1,2}:\d{2} [AP]M$/);
    const time = await focusedName(keyboard);
    await keyboard.keyboard.press("Space");
    await tabTo(keyboard, /^Book consultation on/);
    await keyboard.keyboard.press("Enter");
    await keyboard.getByText("Consultation booked").waitFor();

    await tabTo(keyboard, /^Today$/);
    await keyboard.keyboard.press("Enter");
    await tabTo(
      keyboard,
      new RegExp(`^${time.replace(/ [AP]M$/, "")}( [AP]M)? – .*Lee, Jordan Consultation`),
    );
    await keyboard.keyboard.press("Enter");
    const dialog = keyboard.getByRole("dialog", { name: "Jordan Lee · Consultation" });
    await dialog.waitFor();
    await keyboard.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    // Focus goes back where it was, so the desk can go on to the next appointment.
    expect(await focusedName(keyboard)).toMatch(/Lee, Jordan Consultation/);
  });

  it("marks a started appointment completed in one click from Today", async () => {
    const consultation = (await appointments()).find(
      (a) => a.service === "consultation" && a.status === "booked",
    )!;
    await h.local.call("POST", "/local/clock", { now: consultation.start }, "admin");
    // A fresh window reads the moved clock at sign-in.
    const desk = await h.openPage();
    await signIn(desk, "staff");
    const toMark = desk.getByRole("region", { name: /^Did they come\?/ });
    await toMark.getByRole("button", { name: "Mark Lee, Jordan as a no-show" }).waitFor();
    const agenda = await answersLate(desk, "/agenda");
    const noShow = await watchButton(desk, "Mark Lee, Jordan as a no-show");
    await toMark.getByRole("button", { name: "Mark Lee, Jordan completed" }).click();
    await toMark.waitFor({ state: "detached" });
    // The row left the list before its buttons worked again, even with the day answering late: a second
    // click could not land on it (a stray "No-show" would turn the visit just recorded into a missed one).
    expect(await noShow.states()).toEqual(["ready", "busy", "gone"]);
    await agenda.restore();
    expect((await h.local.call("GET", `/appointments/${consultation.id}`)).body.status).toBe("completed");
    await desk
      .locator("section.lane")
      .getByRole("button", { name: /Lee, Jordan Consultation Completed/ })
      .waitFor();
    await expectAccessible(desk, "Today, after marking attendance");
  });
});
