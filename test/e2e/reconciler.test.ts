import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment } from "../../shared/domain/types.js";
import { makeEmailEventsHandler } from "../../shared/handlers/email-events-handler.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import type { ReminderJob, ReminderScheduler } from "../../shared/ports/reminder-scheduler.js";
import {
  DUE_GRACE_MS,
  NOT_SENT_AFTER_REDRIVE,
  REDRIVE_TIMEOUT_MS,
  reconcileReminders,
  SEND_EVENT_GRACE_MS,
  SYNC_GRACE_MS,
} from "../../shared/use-cases/reconcile-reminders.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { syncReminderSchedule } from "../../shared/use-cases/sync-reminder-schedules.js";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

const MINUTE_MS = 60_000;

/**
 * The reconciler against the real table: schedules and hand-overs are recorded (the Scheduler emulator's
 * own tests cover firing), and hand-overs run send-reminder only when a test lets them, so a test can lose
 * one the way a crash would.
 */
async function world() {
  // No booking hold: the confirmation is due at booking, so schedule-sync hands it over at once.
  const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, notificationDelayMinutes: 0 } });
  const emails: (OutgoingEmail & { messageId: string })[] = [];
  let accepted: ((email: OutgoingEmail & { messageId: string }) => void) | undefined;
  const mailer: Mailer = {
    async send(email) {
      const messageId = `message-${emails.length + 1}`;
      emails.push({ ...email, messageId });
      if (accepted) {
        // SES accepted it, and then the sender died before it could record the send.
        accepted({ ...email, messageId });
        await new Promise(() => undefined);
      }
      return messageId;
    },
  };
  const deps = api.reminderDeps(mailer);
  const schedules = new Map<string, ReminderJob>();
  const handed: ReminderJob[] = [];
  const scheduler: ReminderScheduler = {
    upsert: async (job) => void schedules.set(job.reminderId, job),
    remove: async (id) => void schedules.delete(id),
    sendNow: async (job) => void handed.push(job),
  };
  const reconcile = () => reconcileReminders({ ...deps, scheduler });
  /** send-reminder for everything handed over so far, as Lambda's async invoke would run it. */
  const runHandedOver = async () => {
    for (const job of handed.splice(0)) await sendReminder(deps, job);
  };
  const later = (ms: number) => api.clock.set(new Date(api.clock.now().getTime() + ms).toISOString());
  const reminder = async (appointmentId: string, kind: string) =>
    ((await api.call("GET", `/appointments/${appointmentId}`)).body as Appointment).reminders.find(
      (r) => r.kind === kind,
    )!;
  return {
    api,
    deps,
    emails,
    schedules,
    handed,
    scheduler,
    reconcile,
    runHandedOver,
    later,
    reminder,
    /** Senders from now on live to record their sends again. */
    stopHanging: () => {
      accepted = undefined;
    },
    /** From now on the sender dies right after SES accepts; resolves with the first email accepted. */
    hangSends: () =>
      new Promise<OutgoingEmail & { messageId: string }>((resolve) => {
        accepted = resolve;
      }),
  };
}

async function bookConsultation(api: ApiHarness, start = "2026-12-03T10:00:00-05:00") {
  const patient = await api.call("POST", "/patients", newPatient());
  const booked = await api.call("POST", "/appointments", {
    patientId: patient.body.id,
    service: "consultation",
    start,
  });
  expect(booked.status).toBe(201);
  return booked.body as Appointment;
}

/** SES's Send event for an email with these tags, as EventBridge delivers it to email-events. */
async function sesSendEvent(
  w: Awaited<ReturnType<typeof world>>,
  messageId: string,
  tags: Record<string, string>,
) {
  await makeEmailEventsHandler(w.deps)({
    "detail-type": "Email Sent",
    source: "aws.ses",
    detail: {
      eventType: "Send",
      mail: {
        messageId,
        timestamp: w.api.clock.now().toISOString(),
        destination: ["patient@example.com"],
        tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, [v]])),
      },
    },
  });
}

/** schedule-sync for a reminder as its stream record would run it. */
async function sync(w: Awaited<ReturnType<typeof world>>, appointment: Appointment, kind: string) {
  const r = appointment.reminders.find((x) => x.kind === kind)!;
  await syncReminderSchedule(
    { scheduler: w.scheduler, store: w.api.store },
    {
      newImage: {
        id: r.id,
        appointmentId: appointment.id,
        dueAt: r.dueAt,
        status: r.status,
        version: r.version,
      },
    },
    w.api.clock.now(),
  );
}

describe("the reconciler makes every reminder converge, whatever crashed where", () => {
  it("a reminder whose stream record never reached schedule-sync is scheduled, or sent if due", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    // No schedule-sync ran: the confirmation (due now) and the day-before reminder have nothing behind them.
    expect(await w.reconcile()).toMatchObject({ resynced: 0 });
    w.later(SYNC_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ resynced: 2 });
    const dayBefore = await w.reminder(booked.id, "reminder");
    expect(w.schedules.get(dayBefore.id)).toMatchObject({ dueAt: dayBefore.dueAt });
    await w.runHandedOver();
    expect(w.emails.map((e) => e.subject)).toEqual([expect.stringMatching(/confirmed/)]);
    expect(await w.reminder(booked.id, "confirmation")).toMatchObject({
      status: "sent",
      messageId: "message-1",
    });
    // Confirmed now: the next run has nothing to do.
    w.later(SYNC_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toEqual({ examined: 0, redriven: 0, resynced: 0, failed: 0 });
  });

  it("a due reminder whose send was lost is sent once more, and only once", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    await sync(w, booked, "confirmation");
    w.handed.splice(0); // the hand-over to send-reminder is lost
    w.later(DUE_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 1 });
    expect(await w.reconcile()).toMatchObject({ redriven: 0 });
    await w.runHandedOver();
    expect(w.emails).toHaveLength(1);
    expect(await w.reminder(booked.id, "confirmation")).toMatchObject({ status: "sent" });
  });

  it("a sender that died after claiming, before SES: sent again once its lease and the event grace are over", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    await sync(w, booked, "confirmation");
    const [job] = w.handed.splice(0);
    w.later(DUE_GRACE_MS + MINUTE_MS);
    // The sender claims (a 50-second lease) and dies before it reaches SES.
    await w.api.store.claimReminder({
      ...job!,
      claimId: "dead-sender",
      now: w.api.clock.now().toISOString(),
      leaseUntil: new Date(w.api.clock.now().getTime() + 50_000).toISOString(),
    });
    expect(await w.reconcile()).toMatchObject({ redriven: 0 });
    // Its lease ran out, but SES's Send event may still be on its way: wait.
    w.later(50_000 + SEND_EVENT_GRACE_MS - MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 0 });
    w.later(2 * MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 1 });
    await w.runHandedOver();
    expect(w.emails).toHaveLength(1);
  });

  it("a sender that died after SES accepted: the Send event records it, and nothing is sent twice", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    await sync(w, booked, "confirmation");
    const acceptedBySes = w.hangSends();
    const [job] = w.handed.splice(0);
    void sendReminder(w.deps, job!); // never returns: the process died after SES answered
    const email = await acceptedBySes;
    await sesSendEvent(w, email.messageId, email.tags);
    expect(await w.reminder(booked.id, "confirmation")).toMatchObject({
      status: "sent",
      messageId: email.messageId,
    });
    w.later(DUE_GRACE_MS + SEND_EVENT_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 0, failed: 0 });
    expect(w.emails).toHaveLength(1);
  });

  it("the one window that can still send twice, measured: a Send event later than the lease plus the grace", async () => {
    const window = 50_000 + SEND_EVENT_GRACE_MS;
    // When SES's Send event reaches email-events, after the accepted send whose sender died, and the
    // emails the patient then has: the reconciler's last run before the event decides.
    const cases = [
      { eventAfterMs: 10_000, emails: 1 },
      { eventAfterMs: window - 10_000, emails: 1 },
      { eventAfterMs: window + 10_000, emails: 2 },
    ];
    const seen: { eventAfterMs: number; emails: number }[] = [];
    for (const { eventAfterMs } of cases) {
      const w = await world();
      const booked = await bookConsultation(w.api);
      await sync(w, booked, "confirmation");
      const acceptedBySes = w.hangSends();
      const [job] = w.handed.splice(0);
      void sendReminder(w.deps, job!);
      const email = await acceptedBySes;
      w.stopHanging();
      w.later(eventAfterMs);
      await w.reconcile();
      await w.runHandedOver();
      await sesSendEvent(w, email.messageId, email.tags);
      const sent = await w.reminder(booked.id, "confirmation");
      expect(sent.status).toBe("sent");
      seen.push({ eventAfterMs, emails: w.emails.length });
    }
    expect(seen).toEqual(cases);
  });

  it("a Send event whose claim the store lost (a crash took its last write) still records the send", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    await sync(w, booked, "confirmation");
    const confirmation = await w.reminder(booked.id, "confirmation");
    w.handed.splice(0);
    // SES accepted the email under claim "lost-claim", and the claim itself never reached the table.
    await sesSendEvent(w, "ses-1", {
      appointmentId: booked.id,
      reminderId: confirmation.id,
      claimId: "lost-claim",
    });
    expect(await w.reminder(booked.id, "confirmation")).toMatchObject({ status: "sent", messageId: "ses-1" });
    w.later(DUE_GRACE_MS + SEND_EVENT_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 0, failed: 0 });
    expect(w.handed.filter((job) => job.reminderId === confirmation.id)).toEqual([]);
  });

  it("a re-drive that does not settle either ends `failed` with a reason staff can read", async () => {
    const w = await world();
    const booked = await bookConsultation(w.api);
    await sync(w, booked, "confirmation");
    w.handed.splice(0);
    w.later(DUE_GRACE_MS + MINUTE_MS);
    expect(await w.reconcile()).toMatchObject({ redriven: 1 });
    w.handed.splice(0); // lost again
    w.later(REDRIVE_TIMEOUT_MS);
    expect(await w.reconcile()).toMatchObject({ failed: 1 });
    expect(await w.reminder(booked.id, "confirmation")).toMatchObject({
      status: "failed",
      reason: NOT_SENT_AFTER_REDRIVE,
    });
    // Failed is settled: it leaves the index and is never picked up again.
    w.later(REDRIVE_TIMEOUT_MS);
    expect(await w.reconcile()).toEqual({ examined: 0, redriven: 0, resynced: 0, failed: 0 });
  });

  it("reads only what is unsettled: reminders already sent are never looked at again", async () => {
    const w = await world();
    for (const day of ["2026-12-03", "2026-12-04", "2026-12-07"]) {
      const booked = await bookConsultation(w.api, `${day}T10:00:00-05:00`);
      for (const kind of ["confirmation", "reminder"]) await sync(w, booked, kind);
    }
    await w.runHandedOver();
    expect(w.emails).toHaveLength(3);
    w.later(DUE_GRACE_MS + MINUTE_MS);
    // Three day-before reminders are pending with their schedules, not yet due: nothing to do.
    expect(await w.reconcile()).toEqual({ examined: 0, redriven: 0, resynced: 0, failed: 0 });
  });
});
