import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment, Reminder } from "../../shared/domain/types.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { type ApiHarness, apiHarness, newPatient } from "../support/api-harness.js";

/** The harness with a mailer that keeps what it sends, and a way to send what is due, as the pipeline would. */
async function clinicWithInbox() {
  // No booking hold: these copies are of emails due at booking, sent at once.
  const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, notificationDelayMinutes: 0 } });
  const inbox: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      inbox.push(email);
      return `message-${inbox.length}`;
    },
  };
  const deliver = async (appointmentId: string) => {
    const appointment = (await api.call("GET", `/appointments/${appointmentId}`)).body as Appointment;
    const now = api.clock.now().toISOString();
    for (const r of appointment.reminders.filter((r) => r.status === "scheduled" && r.dueAt <= now))
      await sendReminder(api.reminderDeps(mailer), { appointmentId, reminderId: r.id, dueAt: r.dueAt });
    return (await api.call("GET", `/appointments/${appointmentId}`)).body as Appointment;
  };
  return { api, inbox, deliver };
}

async function consultation(api: ApiHarness, overrides: Record<string, unknown> = {}) {
  const patient = await api.call("POST", "/patients", newPatient(overrides));
  const booked = await api.call("POST", "/appointments", {
    patientId: patient.body.id,
    service: "consultation",
    start: "2026-12-02T10:00:00-05:00",
  });
  expect(booked.status).toBe(201);
  return { patientId: patient.body.id as string, appointment: booked.body as Appointment };
}

const resend = (api: ApiHarness, a: string, r: string, headers: Record<string, string> = {}) =>
  api.call("POST", `/appointments/${a}/reminders/${r}/resend`, undefined, { headers });
const ofKind = (a: Appointment, kind: string) => a.reminders.filter((r) => r.kind === kind);

describe("POST /appointments/{id}/reminders/{reminderId}/resend", () => {
  it("sends the patient who never got it a copy of the confirmation, shown as a reminder of its own", async () => {
    const { api, inbox, deliver } = await clinicWithInbox();
    const { appointment } = await consultation(api);
    const [confirmation] = ofKind(await deliver(appointment.id), "confirmation") as [Reminder];
    expect(confirmation.status).toBe("sent");
    expect(inbox).toHaveLength(1);

    const res = await resend(api, appointment.id, confirmation.id);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const copy = res.body.reminders.find((r: Reminder) => r.resendOf === confirmation.id);
    expect(copy).toMatchObject({
      kind: "confirmation",
      status: "scheduled",
      dueAt: api.clock.now().toISOString(),
      version: 1,
    });
    expect(copy.id).not.toBe(confirmation.id);

    const after = await deliver(appointment.id);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]!.subject).toBe(inbox[0]!.subject);
    expect(inbox[1]!.text).toBe(inbox[0]!.text);
    expect(after.reminders.find((r) => r.id === copy.id)).toMatchObject({
      status: "sent",
      messageId: "message-2",
    });
  });

  it("refuses, with why, what is not sent, held back on purpose, stale, or already being copied", async () => {
    const { api, deliver } = await clinicWithInbox();
    const { appointment } = await consultation(api);
    const dayBefore = ofKind(appointment, "reminder")[0]!;
    const notYet = await resend(api, appointment.id, dayBefore.id);
    expect(notYet.status).toBe(409);
    expect(notYet.body).toMatchObject({
      code: "not-sent",
      detail: expect.stringContaining("not gone out yet"),
    });

    const confirmation = ofKind(await deliver(appointment.id), "confirmation")[0]!;
    expect((await resend(api, appointment.id, confirmation.id)).status).toBe(202);
    const twice = await resend(api, appointment.id, confirmation.id);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("copy-pending");
    await deliver(appointment.id);

    // Cancelled: a copy of the confirmation would tell the patient to come; the cancellation notice may go again.
    expect((await api.call("POST", `/appointments/${appointment.id}/cancel`, {})).status).toBe(200);
    const stale = await resend(api, appointment.id, confirmation.id);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("stale");
    const cancelled = await deliver(appointment.id);
    const notice = ofKind(cancelled, "cancellation")[0]!;
    expect(notice.status).toBe("sent");
    const skippedDayBefore = ofKind(cancelled, "reminder")[0]!;
    expect(skippedDayBefore.status).toBe("cancelled");
    expect((await resend(api, appointment.id, skippedDayBefore.id)).body.code).toBe("not-sent");
    const again = await resend(api, appointment.id, notice.id);
    expect(again.status).toBe(202);

    // Once its time has passed, the cancellation notice tells nobody anything.
    await deliver(appointment.id);
    api.clock.set("2026-12-02T16:00:00Z");
    expect((await resend(api, appointment.id, notice.id)).body.code).toBe("stale");
  });

  it("refuses a patient who gave no consent, and unknown ids; staff only; the refusal writes nothing", async () => {
    const { api, deliver } = await clinicWithInbox();
    const { appointment } = await consultation(api, { emailConsent: false });
    const confirmation = ofKind(await deliver(appointment.id), "confirmation")[0]!;
    expect(confirmation).toMatchObject({ status: "skipped", reason: "no-email-consent" });
    const before = await api.allItems();
    expect((await resend(api, appointment.id, confirmation.id)).body.code).toBe("not-sent");
    expect((await resend(api, appointment.id, "nope")).status).toBe(404);
    expect((await resend(api, "nope", confirmation.id)).status).toBe(404);
    const clinician = await api.call(
      "POST",
      `/appointments/${appointment.id}/reminders/${confirmation.id}/resend`,
      undefined,
      { role: "clinician" },
    );
    expect(clinician.status).toBe(403);
    expect(await api.allItems()).toEqual(before);

    const { appointment: other, patientId } = await consultation(api, { email: "b@example.com" });
    const sent = ofKind(await deliver(other.id), "confirmation")[0]!;
    await api.call("PATCH", `/patients/${patientId}`, { emailConsent: false });
    const noConsent = await resend(api, other.id, sent.id);
    expect(noConsent.status).toBe(409);
    expect(noConsent.body).toMatchObject({ code: "no-email", detail: expect.stringContaining("call them") });
  });

  it("with an Idempotency-Key, a repeat answers the first copy and makes no second one", async () => {
    const { api, deliver } = await clinicWithInbox();
    const { appointment } = await consultation(api);
    const confirmation = ofKind(await deliver(appointment.id), "confirmation")[0]!;
    const key = { "idempotency-key": "resend-1" };
    const first = await resend(api, appointment.id, confirmation.id, key);
    const repeat = await resend(api, appointment.id, confirmation.id, key);
    expect(first.status).toBe(202);
    expect(repeat.status).toBe(202);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(repeat.body).toEqual(first.body);
    const stored = (await api.call("GET", `/appointments/${appointment.id}`)).body as Appointment;
    expect(stored.reminders.filter((r) => r.resendOf === confirmation.id)).toHaveLength(1);
  });
});
