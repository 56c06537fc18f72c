import { describe, expect, it } from "vitest";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { makeRemsWatchHandler } from "../../shared/handlers/rems-watch-handler.js";
import { type Mailer, type OutgoingEmail, PermanentSendFailure } from "../../shared/ports/mailer.js";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

const CLINIC_EMAIL = "front-desk@riverside.example";

/**
 * rems-watch against the real table, with a mailer the test controls: a completed esketamine session of
 * Monday 30 November 2026 (its form due by the end of 7 December), and the clock on 8 December, after
 * the digest time, so its form is overdue.
 */
async function world(clinic: Clinic = { ...DEFAULT_CLINIC, email: CLINIC_EMAIL }) {
  const api = await apiHarness({ clinic });
  const patientId = await eligiblePatient(api, ["esketamine"], { remsEnrolled: true });
  const booked = await api.call("POST", "/appointments", {
    patientId,
    service: "esketamine",
    start: "2026-11-30T11:00:00-05:00",
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  api.clock.set("2026-11-30T17:00:00.000Z");
  const marked = await api.call("POST", `/appointments/${booked.body.id}/attendance`, {
    status: "completed",
  });
  expect(marked.status).toBe(200);
  api.clock.set("2026-12-08T12:30:00.000Z"); // 07:30 in New York
  const sent: OutgoingEmail[] = [];
  let fail: Error | undefined;
  const mailer: Mailer = {
    async send(email) {
      if (fail) throw fail;
      sent.push(email);
      return `message-${sent.length}`;
    },
  };
  const overdueCounts: number[] = [];
  const watch = makeRemsWatchHandler(
    { ...api.reminderDeps(mailer), mailer },
    { overdueForms: (n) => overdueCounts.push(n) },
  );
  return {
    api,
    appointmentId: booked.body.id as string,
    sent,
    watch,
    overdueCounts,
    failWith: (e?: Error) => (fail = e),
  };
}

/** The digest's record for a date, as stored. */
async function digestItem(api: ApiHarness, date: string) {
  return (await api.allItems()).find((i) => i.type === "daily-digest" && i.date === date);
}

describe("rems-watch: the overdue count and the daily digest", () => {
  it("counts overdue forms for the alarm, and sends the digest once however many runs race for it", async () => {
    const { api, appointmentId, sent, watch, overdueCounts } = await world();
    const reports = await Promise.all(Array.from({ length: 8 }, () => watch()));
    expect(sent).toHaveLength(1);
    expect(reports.filter((r) => r.digest === "sent")).toHaveLength(1);
    expect(reports.filter((r) => r.digest === "done-already")).toHaveLength(7);
    expect(overdueCounts).toEqual(Array(8).fill(1));
    expect(sent[0]).toMatchObject({
      to: CLINIC_EMAIL,
      subject: "Riverside Wellness Clinic: daily summary for Tuesday, 8 December 2026",
      tags: { kind: "rems-digest", digestDate: "2026-12-08" },
    });
    expect(sent[0]!.text).toContain(`Appointment ${appointmentId}`);
    expect(await digestItem(api, "2026-12-08")).toMatchObject({ outcome: "sent", messageId: "message-1" });

    // Once recorded, the form is no longer overdue: the count falls to 0, and the alarm clears.
    const recorded = await api.call(
      "POST",
      `/appointments/${appointmentId}/rems-form`,
      { submittedAt: "2026-12-08T12:00:00Z" },
      { role: "clinician" },
    );
    expect(recorded.status).toBe(200);
    expect((await watch()).overdueForms).toBe(0);
  });

  it("sends nothing before 07:00 in the clinic's zone, or to a clinic with no address", async () => {
    const early = await world();
    early.api.clock.set("2026-12-08T11:59:00.000Z"); // 06:59 in New York
    expect((await early.watch()).digest).toBe("not-yet");
    expect(early.sent).toEqual([]);

    const unaddressed = await world({ ...DEFAULT_CLINIC });
    expect(await unaddressed.watch()).toEqual({ overdueForms: 1, digest: "no-clinic-address" });
    expect(unaddressed.sent).toEqual([]);
  });

  it("lets the next run send after a transient failure, and gives the day up after a refusal", async () => {
    const w = await world();
    w.failWith(new Error("throttled"));
    await expect(w.watch()).rejects.toThrow("throttled");
    expect(await digestItem(w.api, "2026-12-08")).not.toHaveProperty("claimId");
    w.failWith(undefined);
    expect((await w.watch()).digest).toBe("sent");
    expect(w.sent).toHaveLength(1);

    w.api.clock.set("2026-12-09T12:30:00.000Z");
    w.failWith(new PermanentSendFailure("MessageRejected"));
    expect((await w.watch()).digest).toBe("failed");
    w.failWith(undefined);
    expect((await w.watch()).digest).toBe("done-already");
    expect(await digestItem(w.api, "2026-12-09")).toMatchObject({
      outcome: "failed",
      reason: "rejected-MessageRejected",
    });
  });

  it("takes over a claim whose run died mid-send once its lease ran out", async () => {
    const w = await world();
    const claimed = await w.api.store.claimDailyDigest({
      date: "2026-12-08",
      claimId: "dead-run",
      now: "2026-12-08T12:30:00.000Z",
      leaseUntil: "2026-12-08T12:35:00.000Z",
    });
    expect(claimed).toBe(true);
    expect((await w.watch()).digest).toBe("done-already");
    w.api.clock.set("2026-12-08T12:36:00.000Z");
    expect((await w.watch()).digest).toBe("sent");
    expect(w.sent).toHaveLength(1);
  });
});
