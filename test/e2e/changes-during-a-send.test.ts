import { describe, expect, it } from "vitest";
import type { Appointment, Reminder } from "../../shared/domain/types.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

// send-reminder claims a reminder, reads the appointment, then sends. A change that lands between that
// read and the email cannot stop the email. These tests make staff change the appointment exactly then,
// from inside the mailer, and check that the patient still ends up told the truth.

async function bookedConsultation(api: ApiHarness) {
  const patient = await api.call("POST", "/patients", newPatient({}));
  const res = await api.call("POST", "/appointments", {
    patientId: patient.body.id,
    service: "consultation",
    start: "2026-12-03T10:00:00-05:00",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Appointment;
}

const reminderOf = (appointment: Appointment, kind: string) =>
  appointment.reminders.find((r) => r.kind === kind && r.status === "scheduled");

/** Sends one reminder through the use case; `duringSend` runs while the email is in flight. */
async function send(api: ApiHarness, appointmentId: string, reminder: Reminder, duringSend = async () => {}) {
  const emails: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      await duringSend();
      emails.push(email);
      return `message-${emails.length}`;
    },
  };
  const outcome = await sendReminder(api.reminderDeps(mailer), {
    reminderId: reminder.id,
    appointmentId,
    dueAt: reminder.dueAt,
  });
  return { outcome, emails };
}

const appointment = async (api: ApiHarness, id: string) =>
  (await api.call("GET", `/appointments/${id}`)).body as Appointment;

describe("a change that lands while a reminder is being sent", () => {
  it("a consultation cancelled while its confirmation goes out gets a cancellation notice", async () => {
    const api = await apiHarness();
    const booked = await bookedConsultation(api);
    const { outcome, emails } = await send(api, booked.id, reminderOf(booked, "confirmation")!, async () => {
      expect((await api.call("POST", `/appointments/${booked.id}/cancel`, {})).status).toBe(200);
    });
    expect(outcome.result).toBe("sent");
    expect(emails[0]!.subject).toMatch(/confirmed/);

    const after = await appointment(api, booked.id);
    expect(after.status).toBe("cancelled");
    expect(after.reminders.find((r) => r.kind === "confirmation")?.status).toBe("sent");
    const notice = reminderOf(after, "cancellation");
    expect(notice, JSON.stringify(after.reminders)).toBeDefined();
    const second = await send(api, booked.id, notice!);
    expect(second.outcome.result).toBe("sent");
    expect(second.emails[0]!.subject).toMatch(/cancelled/);
  });

  it("a reminder moved while its old time goes out is recorded as sent, and the new time gets its own", async () => {
    const api = await apiHarness();
    const booked = await bookedConsultation(api);
    await send(api, booked.id, reminderOf(booked, "confirmation")!);
    const dayBefore = reminderOf(booked, "reminder")!;
    api.clock.set(dayBefore.dueAt);
    const { outcome } = await send(api, booked.id, dayBefore, async () => {
      const moved = await api.call("POST", `/appointments/${booked.id}/reschedule`, {
        start: "2026-12-04T11:00:00-05:00",
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    });
    expect(outcome.result).toBe("sent");

    const after = await appointment(api, booked.id);
    // One reminder, one email: the one that went out shows as sent with its message id...
    expect(after.reminders.find((r) => r.id === dayBefore.id)).toMatchObject({
      status: "sent",
      messageId: "message-1",
    });
    // ...and the new time has a day-before reminder of its own, still to come.
    const pending = after.reminders.filter((r) => r.kind === "reminder" && r.status === "scheduled");
    expect(pending).toHaveLength(1);
    expect(pending[0]!.dueAt).toBe("2026-12-03T16:00:00.000Z");
    expect(reminderOf(after, "reschedule")).toBeDefined();

    api.clock.set(pending[0]!.dueAt);
    const again = await send(api, booked.id, pending[0]!);
    expect(again.outcome.result).toBe("sent");
    expect(again.emails[0]!.text).toContain("11:00");
    expect((await appointment(api, booked.id)).reminders.find((r) => r.id === pending[0]!.id)?.status).toBe(
      "sent",
    );
  });
});

describe("a cancellation after a move the patient has not heard of yet", () => {
  it("names the time the patient knows as well as the one cancelled", async () => {
    const api = await apiHarness();
    const booked = await bookedConsultation(api);
    await send(api, booked.id, reminderOf(booked, "confirmation")!);
    // Moved, then cancelled before the reschedule notice went out.
    const moved = await api.call("POST", `/appointments/${booked.id}/reschedule`, {
      start: "2026-12-04T11:00:00-05:00",
    });
    expect(moved.status).toBe(200);
    const cancelled = await api.call("POST", `/appointments/${booked.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    const after = cancelled.body as Appointment;
    expect(after.reminders.find((r) => r.kind === "reschedule")?.status).toBe("cancelled");
    const notice = reminderOf(after, "cancellation")!;
    expect(notice.previousStart).toBe("2026-12-03T15:00:00.000Z");
    const { emails } = await send(api, booked.id, notice);
    expect(emails[0]!.text).toContain(
      "Your consultation on Friday, 4 December 2026 at 11:00 AM EST (moved from Thursday, 3 December 2026 at 10:00 AM EST) has been cancelled.",
    );
  });
});
