import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../shared/domain/audit.js";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";
import { answerLinksIn, bookedConsultation, clockTo, tap } from "../support/patient-links.js";
import { expectPageHeaders } from "../support/security-header-checks.js";

/**
 * Patients answer from the email, through the real local stack: the link is taken from the email in the
 * SES emulator's inbox, opened (GET), then its button pressed (POST). The clock starts on Monday
 * 2026-11-30 at 8:00 in New York; the clinic has the defaults: a 2-minute booking hold, cancelling online
 * until 24 hours before.
 */
describe("patients confirm or cancel from the email", () => {
  let h: LocalStackHarness;
  beforeAll(async () => {
    h = await localStackHarness({ clinic: DEFAULT_CLINIC });
  }, 60_000);
  afterAll(() => h?.stack.stop());

  const appointment = async (id: string) => (await h.call("GET", `/appointments/${id}`)).body;
  /** The patient's actions in the audit trail: actor, action, status. */
  const patientsActions = async (patientId: string) => {
    const trail = await h.call(
      "GET",
      `/audit?patientId=${patientId}&from=2026-11-01&to=2027-01-31`,
      undefined,
      "admin",
    );
    expect(trail.status).toBe(200);
    return (trail.body.entries as AuditEntry[])
      .filter((e) => e.actor === "patient")
      .map((e) => [e.action, e.target.type, e.status]);
  };

  // The tests share one stack and one clock, which only moves forward: each takes a later slot.
  it("confirms: the page changes nothing, the button confirms, a second press changes nothing", async () => {
    const { patientId, email, appointmentId } = await bookedConsultation(h, "2026-12-03T10:00:00-05:00");
    // The booking hold: nothing yet.
    expect(await clockTo(h, "2026-11-30T13:01:00Z", email)).toHaveLength(0);
    const [confirmation] = await clockTo(h, "2026-11-30T13:03:00Z", email);
    expect(confirmation?.subject).toContain("appointment confirmed");
    const links = answerLinksIn(confirmation!);
    expect(confirmation!.body.text).toContain(
      "You can cancel online until Wednesday, 2 December 2026 at 10:00 AM EST.",
    );
    // No name, address or date in the link.
    expect(links.confirm).not.toMatch(/Jamie|Okafor|answers-|2026|12-03/);

    const before = await appointment(appointmentId);
    const opened = await tap("GET", links.confirm);
    expect(opened.status).toBe(200);
    expectPageHeaders(opened.headers, opened.page);
    expect(opened.page).toContain("Riverside Wellness Clinic");
    expect(opened.page).toContain("Thursday, 3 December 2026 at 10:00 AM EST");
    expect(opened.page).toContain(`<form method="post" action="${new URL(links.confirm).pathname}">`);
    expect(await appointment(appointmentId)).toEqual(before);

    const pressed = await tap("POST", links.confirm);
    expect(pressed.status).toBe(200);
    expect(pressed.page).toContain("you are confirmed");
    const confirmed = await appointment(appointmentId);
    expect(confirmed).toMatchObject({ status: "booked", confirmation: "confirmed" });

    const day = "from=2026-12-03&to=2026-12-03";
    const unconfirmed = await h.call("GET", `/appointments?${day}&confirmation=unconfirmed`);
    expect(unconfirmed.body.appointments.map((a: { id: string }) => a.id)).not.toContain(appointmentId);
    const yes = await h.call("GET", `/appointments?${day}&confirmation=confirmed`);
    expect(yes.body.appointments.map((a: { id: string }) => a.id)).toContain(appointmentId);

    const again = await tap("POST", links.confirm);
    expect(again.status).toBe(409);
    expect(again.page).toContain("You have already confirmed");
    expect(await appointment(appointmentId)).toEqual(confirmed);

    expect(await patientsActions(patientId)).toEqual([
      ["GET /visit/{token}/{action}", "appointment", 200],
      ["POST /visit/{token}/{action}", "appointment", 200],
      ["POST /visit/{token}/{action}", "appointment", 409],
    ]);
  });

  it("cancels: the page changes nothing, the button cancels as the patient's with the usual notice", async () => {
    const { patientId, email, appointmentId } = await bookedConsultation(h, "2026-12-04T10:00:00-05:00");
    const [confirmation] = await clockTo(h, "2026-11-30T13:10:00Z", email);
    const links = answerLinksIn(confirmation!);

    const before = await appointment(appointmentId);
    const opened = await tap("GET", links.cancel);
    expect(opened.status).toBe(200);
    expect(opened.page).toContain("Cancel your appointment?");
    expect(opened.page).toContain("Friday, 4 December 2026 at 10:00 AM EST");
    expect(await appointment(appointmentId)).toEqual(before);

    const pressed = await tap("POST", links.cancel);
    expect(pressed.status).toBe(200);
    expect(pressed.page).toContain("Your appointment is cancelled");
    const cancelled = await appointment(appointmentId);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: "patient" });
    // The usual cancellation: pending reminders called off, a notice planned...
    const kinds = (cancelled.reminders as { kind: string; status: string }[]).map((r) => [r.kind, r.status]);
    expect(kinds).toContainEqual(["cancellation", "scheduled"]);
    expect(kinds.filter(([, status]) => status === "scheduled")).toEqual([["cancellation", "scheduled"]]);
    // ...and sent.
    await h.stack.settle();
    const emails = await h.emailsTo(email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toContain("cancelled");

    // Used up: both links now say so, and change nothing.
    const settled = await appointment(appointmentId);
    for (const url of [links.cancel, links.confirm]) {
      const reused = await tap("POST", url);
      expect(reused.status).toBe(409);
      expect(reused.page).toContain("This appointment is cancelled");
    }
    expect(await appointment(appointmentId)).toEqual(settled);
    expect((await patientsActions(patientId)).map(([action, , status]) => `${action} ${status}`)).toEqual([
      "GET /visit/{token}/{action} 200",
      "POST /visit/{token}/{action} 200",
      "POST /visit/{token}/{action} 409",
      "POST /visit/{token}/{action} 409",
    ]);
  });

  it("forged, other-appointment, swapped-action and expired links change nothing", async () => {
    const a = await bookedConsultation(h, "2026-12-07T10:00:00-05:00");
    const b = await bookedConsultation(h, "2026-12-01T10:00:00-05:00");
    const [mailA] = await clockTo(h, "2026-11-30T13:20:00Z", a.email);
    const [mailB] = await h.emailsTo(b.email);
    const linksA = answerLinksIn(mailA!);
    const linksB = answerLinksIn(mailB!);
    const tokenOf = (url: string) => url.split("/visit/")[1]!.split("/")[0]!;
    const [keyId, , expiry, signature] = tokenOf(linksA.cancel).split(".") as [
      string,
      string,
      string,
      string,
    ];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const base = linksA.cancel.split("/visit/")[0];
    const bad = {
      forged: `${base}/visit/${keyId}.${a.appointmentId}.${expiry}.${flipped}/cancel`,
      "other appointment": `${base}/visit/${keyId}.${b.appointmentId}.${expiry}.${signature}/cancel`,
      "later expiry": `${base}/visit/${keyId}.${a.appointmentId}.${Number(expiry) + 86_400}.${signature}/cancel`,
      "confirm link used to cancel": linksA.confirm.replace(/\/confirm$/, "/cancel"),
      "not a link": `${base}/visit/hello/cancel`,
    };
    const expectNothingChanges = async (what: string, url: string) => {
      const before = [await appointment(a.appointmentId), await appointment(b.appointmentId)];
      for (const method of ["GET", "POST"] as const) {
        const res = await tap(method, url);
        expect(res.status, `${what} ${method}`).toBe(404);
        expect(res.page).toContain("Link not recognised");
        expectPageHeaders(res.headers, res.page);
      }
      expect([await appointment(a.appointmentId), await appointment(b.appointmentId)]).toEqual(before);
    };
    for (const [what, url] of Object.entries(bad)) await expectNothingChanges(what, url);

    // B's time has come: its links have expired.
    await clockTo(h, "2026-12-01T15:00:00Z", b.email);
    await expectNothingChanges("expired cancel", linksB.cancel);
    await expectNothingChanges("expired confirm", linksB.confirm);
    expect(await appointment(a.appointmentId)).toMatchObject({
      status: "booked",
      confirmation: "unconfirmed",
    });
  });

  it("refuses a cancel inside the notice window with a page that asks to call; the day-before reminder has links too", async () => {
    // Thursday 14:00 in New York: cancelling online ends on Wednesday at 14:00 (19:00 UTC).
    const { email, appointmentId } = await bookedConsultation(h, "2026-12-03T14:00:00-05:00");
    await clockTo(h, "2026-12-02T18:00:00Z", email);
    const emails = await clockTo(h, "2026-12-02T19:30:00Z", email);
    const reminder = emails.find((e) => e.subject.includes("reminder"));
    expect(reminder, emails.map((e) => e.subject).join(" | ")).toBeDefined();
    const links = answerLinksIn(reminder!);

    const before = await appointment(appointmentId);
    for (const method of ["GET", "POST"] as const) {
      const res = await tap(method, links.cancel);
      expect(res.status, method).toBe(409);
      expect(res.page).toContain("Please call us to cancel");
      expect(res.page).toContain('<a href="tel:+15550100100">+1 555 010 0100</a>');
      expect(res.page).not.toContain("<form");
    }
    expect(await appointment(appointmentId)).toEqual(before);
    // Confirming is still welcome.
    expect((await tap("POST", links.confirm)).status).toBe(200);
    expect(await appointment(appointmentId)).toMatchObject({ status: "booked", confirmation: "confirmed" });
  });

  it("sends nothing about a booking cancelled within the hold; past the hold, the usual two emails", async () => {
    const now = h.stack.clock.now().getTime();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const quick = await bookedConsultation(h, "2026-12-09T10:00:00-05:00");
    expect((await h.call("POST", `/appointments/${quick.appointmentId}/cancel`, {})).status).toBe(200);
    const late = await bookedConsultation(h, "2026-12-10T10:00:00-05:00");
    await clockTo(h, at(3), late.email);
    expect((await h.call("POST", `/appointments/${late.appointmentId}/cancel`, {})).status).toBe(200);

    expect(await clockTo(h, at(30), quick.email)).toEqual([]);
    const cancelled = await appointment(quick.appointmentId);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.reminders.map((r: { status: string }) => r.status)).not.toContain("scheduled");
    expect(cancelled.reminders.map((r: { status: string }) => r.status)).not.toContain("sent");
    expect((await h.emailsTo(late.email)).map((e) => e.subject)).toEqual([
      expect.stringContaining("appointment confirmed"),
      expect.stringContaining("cancelled"),
    ]);
  });
});
