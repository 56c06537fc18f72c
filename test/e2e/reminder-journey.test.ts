import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findForbiddenWord } from "../../shared/email/index.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");

describe("a patient's reminders through the local stack", () => {
  // Each test has its own table, clock and schedules, so time moved by one never leaks into another.
  let h: LocalStackHarness;
  beforeEach(async () => {
    h = await localStackHarness();
  });
  afterEach(() => h.stack.stop());

  it("confirms an IV series once with every session in the calendar file, then prepares the patient", async () => {
    const patient = await h.eligiblePatient(["iv-ketamine"]);
    const series = await h.call("POST", "/series", {
      patientId: patient.id,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status).toBe(201);
    await h.stack.settle();

    const afterBooking = await h.emailsTo(patient.email);
    // The consultation's confirmation, then the series' single confirmation.
    expect(afterBooking).toHaveLength(2);
    const confirmation = afterBooking[1]!;
    expect(confirmation.subject).toContain("Riverside Wellness Clinic");
    expect(confirmation.subject).toContain("Mon 7 Dec");
    expect(findForbiddenWord(confirmation.subject)).toBeUndefined();
    const ics = decode(confirmation.attachments[0]!.content);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    expect(ics).toContain("DTSTART:20261207T150000Z");

    // 48 h before Monday 10:00 EST: the preparation email with clock-time cut-offs.
    const fired = await h.call("POST", "/local/clock", { now: "2026-12-05T15:00:00Z" }, "admin");
    expect(fired.status).toBe(200);
    expect(fired.body.fired.map((f: { result: string }) => f.result)).toContain("sent");
    const preparation = (await h.emailsTo(patient.email)).at(-1)!;
    expect(preparation.subject).toContain("Mon 7 Dec");
    const text = preparation.body.text ?? "";
    expect(text).toContain("4:00 AM"); // no solid food: 6 h before 10:00
    expect(text).toContain("8:00 AM"); // clear liquids until 2 h before
    expect(text).toMatch(/driv/i);
    expect(text).not.toMatch(/ketamine|infusion/i);

    // Every email the patient got is a reminder shown as sent, and the other way round.
    const sent = await h.remindersOf(patient.id, "sent");
    expect(sent).toHaveLength((await h.emailsTo(patient.email)).length);
  });

  it("sends nothing for the old time after a cancellation or a move", async () => {
    const patient = await h.eligiblePatient(["iv-ketamine"]);
    const book = (start: string) =>
      h.call("POST", "/appointments", { patientId: patient.id, service: "iv-ketamine", start });
    const cancelled = await book("2026-12-09T10:00:00-05:00");
    const moved = await book("2026-12-11T10:00:00-05:00");
    await h.stack.settle();
    expect(await h.emailsTo(patient.email)).toHaveLength(3); // consultation + two confirmations

    expect(
      (await h.call("POST", `/appointments/${cancelled.body.id}/cancel`, { reason: "unwell" })).status,
    ).toBe(200);
    const rescheduled = await h.call("POST", `/appointments/${moved.body.id}/reschedule`, {
      start: "2026-12-14T14:00:00-05:00",
    });
    expect(rescheduled.status).toBe(200);
    await h.stack.settle();

    // Past the old sessions and all their old reminder times, before the new time's reminders.
    await h.call("POST", "/local/clock", { now: "2026-12-11T18:00:00Z" }, "admin");
    const subjects = (await h.emailsTo(patient.email)).map((e) => e.subject);
    // Both notices are due at once and go out concurrently: their order is not part of the promise.
    expect(subjects.slice(3).sort()).toEqual([
      expect.stringContaining("cancelled for Wed 9 Dec"),
      expect.stringContaining("moved to Mon 14 Dec"),
    ]);
    const old = await h.call("GET", `/appointments/${cancelled.body.id}`);
    expect(
      old.body.reminders
        .filter((r: { kind: string }) => r.kind !== "confirmation")
        .map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`),
    ).toEqual(expect.arrayContaining(["preparation:cancelled", "reminder:cancelled", "cancellation:sent"]));

    // The moved session's reminders come at the new time, and say it.
    await h.call("POST", "/local/clock", { now: "2026-12-13T20:00:00Z" }, "admin");
    const last = (await h.emailsTo(patient.email)).slice(5);
    expect(last.map((e) => e.subject)).toEqual([
      expect.stringContaining("Mon 14 Dec"),
      expect.stringContaining("Mon 14 Dec"),
    ]);
    expect(last.map((e) => e.body.text).join("\n")).toContain("2:00 PM");
    expect(await h.remindersOf(patient.id, "sent")).toHaveLength((await h.emailsTo(patient.email)).length);
  });

  it("skips reminders to an address that bounced, and shows why", async () => {
    const patient = await h.eligiblePatient(["iv-ketamine"], { email: "bounce@simulator.amazonses.com" });
    await h.stack.settle();
    const after = await h.call("GET", `/patients/${patient.id}`);
    expect(after.body.emailStatus).toBe("bounced");
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.id,
      service: "iv-ketamine",
      start: "2026-12-16T10:00:00-05:00",
    });
    await h.stack.settle();
    const reminders = (await h.call("GET", `/appointments/${booked.body.id}`)).body.reminders;
    expect(reminders.find((r: { kind: string }) => r.kind === "confirmation")).toMatchObject({
      status: "skipped",
      reason: "email-bounced",
    });
  });

  it("lets a patient stop booster invitations from the link in one", async () => {
    const patient = await h.eligiblePatient(["kap"]);
    const series = await h.call("POST", "/series", {
      patientId: patient.id,
      protocolId: "kap",
      start: "2026-12-08T09:00:00-05:00",
    });
    expect(series.status).toBe(201);
    const booster = series.body.sessions.at(-1).reminders.find((r: { kind: string }) => r.kind === "booster");
    await h.call(
      "POST",
      "/local/clock",
      { now: new Date(new Date(booster.dueAt).getTime() + 60_000).toISOString() },
      "admin",
    );
    const invitation = (await h.emailsTo(patient.email)).at(-1)!;
    expect(invitation.subject).toContain("next visit");
    const link = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9._-]+)/.exec(
      invitation.body.text ?? "",
    )?.[1];
    expect(link, invitation.body.text).toBeDefined();
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect((await h.call("GET", `/patients/${patient.id}`)).body.boosterOptOut).toBeUndefined();
    const stop = await fetch(link!, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(stop.status).toBe(200);
    expect((await h.call("GET", `/patients/${patient.id}`)).body.boosterOptOut).toBe(true);
    expect((await fetch(`${link!}x`, { method: "POST" })).status).toBe(404);
  });
});
