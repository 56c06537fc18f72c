import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findForbiddenWord } from "../../shared/email/index.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

describe("the front desk's day through the local stack", () => {
  let h: LocalStackHarness;
  beforeEach(async () => {
    h = await localStackHarness();
  });
  afterEach(() => h.stack.stop());

  async function consultation(email: string, start: string) {
    const patient = await h.call("POST", "/patients", {
      firstName: "Robin",
      lastName: "Marsh",
      email,
      emailConsent: true,
    });
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.body.id,
      service: "consultation",
      start,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    return { patientId: patient.body.id as string, appointment: booked.body };
  }

  it("a resent confirmation reaches the inbox again, and shows as a sent reminder of its own", async () => {
    const email = `resend-${Date.now()}@example.com`;
    const { patientId, appointment } = await consultation(email, "2026-12-02T10:00:00-05:00");
    await h.stack.settle();
    expect(await h.emailsTo(email)).toHaveLength(1);
    const confirmation = (await h.call("GET", `/appointments/${appointment.id}`)).body.reminders.find(
      (r: { kind: string }) => r.kind === "confirmation",
    );
    expect(confirmation.status).toBe("sent");

    const res = await h.call("POST", `/appointments/${appointment.id}/reminders/${confirmation.id}/resend`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await h.stack.settle();

    const inbox = await h.emailsTo(email);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]!.subject).toBe(inbox[0]!.subject);
    const copy = (await h.call("GET", `/appointments/${appointment.id}`)).body.reminders.find(
      (r: { resendOf?: string }) => r.resendOf === confirmation.id,
    );
    expect(copy).toMatchObject({ kind: "confirmation", status: "sent", messageId: expect.any(String) });
    // Every email the patient got is a reminder shown as sent, the copy included.
    expect(await h.remindersOf(patientId, "sent")).toHaveLength(2);
  });

  it("a closure cancels the day and each patient's inbox says the clinic will call", async () => {
    const first = `closed-a-${Date.now()}@example.com`;
    const second = `closed-b-${Date.now()}@example.com`;
    const a = await consultation(first, "2026-12-02T10:00:00-05:00");
    const b = await consultation(second, "2026-12-02T14:00:00-05:00");
    await h.stack.settle();

    const res = await h.call(
      "POST",
      "/closures",
      { date: "2026-12-02", reason: "Power cut on the block" },
      "admin",
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cancelled.map((x: { id: string }) => x.id)).toEqual([a.appointment.id, b.appointment.id]);
    await h.stack.settle();

    for (const address of [first, second]) {
      const notice = (await h.emailsTo(address)).at(-1)!;
      expect(notice.subject).toBe("Riverside Wellness Clinic: appointment cancelled for Wed 2 Dec");
      expect(findForbiddenWord(notice.subject)).toBeUndefined();
      expect(notice.body.text).toContain("We will call you to find a new time.");
      expect(`${notice.subject}${notice.body.text}${notice.body.html}`).not.toContain("Power cut");
      expect(notice.attachments[0]!.contentType).toContain("method=CANCEL");
    }
    const agenda = await h.call("GET", "/agenda?date=2026-12-02");
    expect(agenda.body).toMatchObject({ closed: true, hours: [] });
    expect(agenda.body.cancelled).toHaveLength(2);
    for (const { patientId } of [a, b]) expect(await h.remindersOf(patientId, "sent")).toHaveLength(2);
  });
});
