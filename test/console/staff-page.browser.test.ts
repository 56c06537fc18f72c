import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  answersLate,
  type ConsoleHarness,
  consoleHarness,
  expectAccessible,
  goTo,
  signIn,
  signOut,
  tabTo,
} from "./browser.js";

/**
 * Staff in the console, in a real Chromium against the real local stack: an administrator enters a nurse
 * on the Staff page, Today shows the nurse on the sessions they staff, and deactivating the nurse while
 * they are booked is refused with those sessions listed, until they are handed to another nurse. The local
 * clock starts on Monday 2026-11-30.
 */
describe("the staff console: who staffs each session", () => {
  let h: ConsoleHarness;
  let page: Page;
  let patientId = "";
  let nurseId = "";
  const FIRST_SESSION = "2026-12-03T15:00:00.000Z"; // Thursday 10:00 AM EST

  beforeAll(async () => {
    h = await consoleHarness();
    // Cleared for IV after a consultation booked while no staff were entered (rooms alone decided then).
    [page, { id: patientId }] = await Promise.all([h.openPage(), h.local.eligiblePatient(["iv-ketamine"])]);
  }, 180_000);
  afterAll(() => h?.stop());
  afterEach(() => h.expectNoPageErrors());

  it("lets an administrator add a nurse, who keeps the clinic's hours", async () => {
    await signIn(page, "admin");
    await goTo(page, "Staff");
    await page.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await page.getByText(/^No staff entered: sessions are booked by chairs and offices alone/).waitFor();

    await page.getByRole("button", { name: "Add a staff member" }).click();
    const form = page.getByRole("dialog", { name: "Add a staff member" });
    await form.getByLabel(/^Name/).fill("Sam Ortiz");
    await form.getByRole("checkbox", { name: "Nurse" }).check();
    await expectAccessible(page, "Staff: adding someone");
    await form.getByRole("button", { name: "Add to staff" }).click();
    await form.waitFor({ state: "detached" });

    const row = page.getByRole("row", { name: /Sam Ortiz/ });
    expect(await row.innerText()).toMatch(/Sam Ortiz\s+Nurse\s+Clinic hours\s+Active/);
    // Only a nurse so far: the page says what cannot be booked until a prescriber is entered.
    await page.getByText(/^No active prescriber: Consultation, .*cannot be booked/).waitFor();
    const { staff } = (await h.local.call("GET", "/staff")).body as { staff: { id: string; name: string }[] };
    expect(staff.map((s) => s.name)).toEqual(["Sam Ortiz"]);
    nurseId = staff[0]!.id;
    await expectAccessible(page, "Staff: the list");
  });

  it("shows the nurse on the sessions they staff, on Today", async () => {
    const series = await h.local.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: FIRST_SESSION,
    });
    expect(series.status).toBe(201);
    await goTo(page, "Today");
    await page.getByLabel("Date").fill("2026-12-03");
    const entry = page.locator("section.lane").getByRole("button", { name: /Okafor, Jamie.*IV 1 of 6/ });
    expect(await entry.innerText()).toMatch(/Nurse Sam Ortiz$/);
    await entry.click();
    const dialog = page.getByRole("dialog", { name: "Jamie Okafor · IV 1 of 6" });
    expect(await dialog.getByText("Nurse Sam Ortiz", { exact: true }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await expectAccessible(page, "Today, with staff on the sessions");
  });

  it("refuses hours that leave the nurse's Thursday session uncovered, then saves hours that cover it", async () => {
    await goTo(page, "Staff");
    await page.getByRole("button", { name: "Change Sam Ortiz" }).click();
    const form = page.getByRole("dialog", { name: "Change Sam Ortiz" });
    await form.getByLabel("Hours of their own").check();
    await form.getByRole("button", { name: /^Remove Thursday/ }).click();
    await form.getByRole("button", { name: "Save changes" }).click();
    const refusal = form.getByRole("alert").filter({ hasText: "Nothing was changed" });
    await refusal.getByText(/IV 1 of 6: it falls outside their new working hours\.$/).waitFor();
    expect(await refusal.getByRole("listitem").count()).toBe(1);
    await expectAccessible(page, "Staff: a refused change of hours");

    await form.getByRole("button", { name: "Add hours on Thursday" }).click();
    await form.getByLabel("Thursday finishes").fill("13:00");
    const roster = await answersLate(page, "/staff");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Sam Ortiz: changes saved.").waitFor();
    // Announced only once the roster shows it.
    expect(await page.getByRole("row", { name: /Sam Ortiz/ }).innerText()).toContain(
      "Mon–Wed 8:00 AM–6:00 PM · Thu 9:00 AM–1:00 PM · Fri 8:00 AM–6:00 PM · Sat 9:00 AM–1:00 PM",
    );
    await roster.restore();
    const nurse = (await h.local.call("GET", "/staff")).body.staff[0];
    expect(nurse.hours.thu).toEqual([{ open: "09:00", close: "13:00" }]);
  });

  it("refuses to deactivate the booked nurse and lists, from the keyboard, the sessions it would strand", async () => {
    await page.getByRole("row", { name: /Sam Ortiz/ }).waitFor();
    await tabTo(page, /^Deactivate Sam Ortiz$/);
    await page.keyboard.press("Enter");
    const refusal = page.getByRole("alert").filter({ hasText: "Nothing was changed" });
    await refusal.getByText(/Sam Ortiz staffs 6 booked sessions that would be left without them/).waitFor();
    const stranded = refusal.getByRole("list", { name: "Sessions that would be left without them" });
    const first = stranded.getByRole("listitem").first();
    // Names come from the days' agendas after the refusal: wait for them.
    await first.getByRole("link", { name: "Okafor, Jamie" }).waitFor();
    expect(await first.locator("span").first().innerText()).toBe(
      "Thu, Dec 3, 2026, 10:00 AM EST · Okafor, Jamie · IV 1 of 6: they are its nurse.",
    );
    expect(await stranded.getByRole("listitem").count()).toBe(6);
    expect(
      await first.getByRole("link", { name: "Thu, Dec 3, 2026, 10:00 AM EST" }).getAttribute("href"),
    ).toBe("#/today?date=2026-12-03");
    expect(await first.getByRole("link", { name: "Okafor, Jamie" }).getAttribute("href")).toBe(
      `#/patients/${patientId}`,
    );
    await refusal
      .getByText(/^Hand each to someone else free at the same time \(the patient is told nothing\)/)
      .waitFor();
    await expectAccessible(page, "Staff: a refused deactivation");
    const nurse = (await h.local.call("GET", "/staff")).body.staff.find(
      (s: { id: string }) => s.id === nurseId,
    );
    expect(nurse.active).toBe(true);
  });

  it("hands the stranded sessions to another nurse, saying who took each, then deactivates the first", async () => {
    const refusal = page.getByRole("alert").filter({ hasText: "Nothing was changed" });
    const first = refusal.getByRole("listitem").first();
    // A second nurse who works Mondays only: nobody can take Thursday's session, and the row says so.
    const mondays = {
      mon: [{ open: "08:00", close: "18:00" }],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    };
    const ria = await h.local.call(
      "POST",
      "/staff",
      { name: "Ria Chen", roles: ["nurse"], hours: mondays },
      "admin",
    );
    expect(ria.status).toBe(201);
    await first.getByRole("button", { name: "Hand to someone else: Thu, Dec 3, 2026, 10:00 AM EST" }).click();
    await first
      .getByText("Not handed on: nobody else is free then. Reschedule or cancel it on Today.")
      .waitFor();

    // Once she keeps the clinic's hours, she can take them all.
    const clinicHours = await h.local.call("PATCH", `/staff/${ria.body.id}`, { hours: null }, "admin");
    expect(clinicHours.status).toBe(200);
    await refusal.getByRole("button", { name: "Hand all on" }).click();
    await refusal.getByText("All 6 sessions handed on: try the change again.").waitFor();
    expect(await refusal.getByText("Handed to Nurse Ria Chen.").count()).toBe(6);
    await expectAccessible(page, "Staff: sessions handed on");

    const roster = await answersLate(page, "/staff");
    await refusal.getByRole("button", { name: "Try again: deactivate Sam Ortiz" }).click();
    await page.getByText("Sam Ortiz is now inactive: no new bookings are given to them.").waitFor();
    expect(await page.getByRole("row", { name: /Sam Ortiz/ }).innerText()).toMatch(/Inactive/);
    await roster.restore();
    // Only the people changed: every session keeps its time, and the patient was told nothing.
    const { appointments } = (await h.local.call("GET", `/patients/${patientId}/appointments`)).body as {
      appointments: { service: string; start: string; staff?: { name: string }[] }[];
    };
    const sessions = appointments.filter((a) => a.service === "iv-ketamine");
    expect(sessions[0]!.start).toBe(FIRST_SESSION);
    expect(sessions.map((a) => a.staff?.map((s) => s.name))).toEqual(Array(6).fill(["Ria Chen"]));
    const reminders = await h.local.remindersOf(patientId);
    expect(reminders.filter((r: { kind: string }) => r.kind === "reschedule")).toEqual([]);
  });

  it("shows the front desk the list without the administrator's controls, and each session's staff on the record", async () => {
    await signOut(page);
    await signIn(page, "staff");
    await goTo(page, "Staff");
    await page.getByRole("row", { name: /Sam Ortiz/ }).waitFor();
    await page.getByText("Only an administrator can change the staff list.").waitFor();
    expect(await page.getByRole("button", { name: /Add a staff member|Deactivate|Change/ }).count()).toBe(0);

    await page.evaluate(`location.hash = "#/patients/${patientId}"`);
    const first = page.locator("li.history-item", { hasText: "IV 1 of 6" });
    await first.getByText("With Nurse Ria Chen").waitFor();
    // The consultation was booked before anyone was entered: no one is named on it.
    const consultation = page.locator("li.history-item", { hasText: "Consultation" });
    expect(await consultation.getByText(/^With /).count()).toBe(0);
  });
});
