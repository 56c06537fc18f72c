import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { checkPatientLink, linkKeyRing, readPatientLink } from "../../shared/domain/patient-link.js";
import type { Appointment } from "../../shared/domain/types.js";
import { fixedLinkKeys } from "../../shared/ports/link-keys.js";
import type { OutgoingEmail } from "../../shared/ports/mailer.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { apiHarness, eligiblePatient } from "../support/api-harness.js";

const KEYS = ["the-current-key-of-this-test-0123456789"];

/**
 * Which emails carry Confirm and Cancel links, and for which appointment: a single booking's confirmation
 * and every day-before reminder, each for its own appointment at its own time; a series' confirmation,
 * which lists many visits, none.
 */
describe("Confirm and Cancel links in emails", () => {
  async function clinicSending() {
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, notificationDelayMinutes: 0 } });
    const inbox: OutgoingEmail[] = [];
    const deps = {
      ...api.reminderDeps({
        async send(email) {
          inbox.push(email);
          return `message-${inbox.length}`;
        },
      }),
      publicApiUrl: "https://api.clinic.example/",
      linkKeys: fixedLinkKeys(KEYS),
    };
    /** Sends what is due of these appointments' reminders; returns the emails, with the kind of each. */
    const deliver = async (ids: string[]) => {
      const sent: (OutgoingEmail & { kind: string })[] = [];
      for (const id of ids) {
        const a = (await api.call("GET", `/appointments/${id}`)).body as Appointment;
        const now = api.clock.now().toISOString();
        for (const r of a.reminders.filter((r) => r.status === "scheduled" && r.dueAt <= now)) {
          const from = inbox.length;
          await sendReminder(deps, { appointmentId: id, reminderId: r.id, dueAt: r.dueAt });
          sent.push(...inbox.slice(from).map((e) => ({ ...e, kind: r.kind })));
        }
      }
      return sent;
    };
    return { api, deliver };
  }

  /** The links of an email, each checked against the keys: its action, appointment and expiry. */
  const linksOf = (email: OutgoingEmail) =>
    [...email.text.matchAll(/https:\/\/api\.clinic\.example\/visit\/([^/\s]+)\/(confirm|cancel)/g)].map(
      ([, token, action]) => {
        const link = readPatientLink(token!)!;
        const now = "2026-11-30T13:00:00.000Z";
        expect(checkPatientLink(link, action as "confirm", linkKeyRing(KEYS), now)).toBeUndefined();
        return { action, appointmentId: link.appointmentId, expiresAt: link.expiresAt };
      },
    );

  it("a single booking's confirmation and its day-before reminder: one pair for that appointment", async () => {
    const { api, deliver } = await clinicSending();
    const patient = await api.call("POST", "/patients", {
      firstName: "Ana",
      lastName: "Silva",
      email: "ana@example.com",
      emailConsent: true,
    });
    const booked = (
      await api.call("POST", "/appointments", {
        patientId: patient.body.id,
        service: "consultation",
        start: "2026-12-03T10:00:00-05:00",
      })
    ).body as Appointment;
    const pair = [
      { action: "confirm", appointmentId: booked.id, expiresAt: booked.start },
      { action: "cancel", appointmentId: booked.id, expiresAt: booked.start },
    ];
    const [confirmation] = await deliver([booked.id]);
    expect(confirmation?.kind).toBe("confirmation");
    expect(linksOf(confirmation!)).toEqual(pair);
    api.clock.set("2026-12-02T15:30:00.000Z");
    const [reminder] = await deliver([booked.id]);
    expect(reminder?.kind).toBe("reminder");
    expect(linksOf(reminder!)).toEqual(pair);
  });

  it("a series: none in the confirmation that lists every visit; each session's reminder has its own", async () => {
    const { api, deliver } = await clinicSending();
    const patientId = await eligiblePatient(api, ["iv-ketamine"]);
    const series = await api.call("POST", "/series", {
      patientId,
      protocolId: "iv-ketamine",
      start: "2026-12-07T10:00:00-05:00",
    });
    expect(series.status, JSON.stringify(series.body)).toBe(201);
    const sessions = series.body.sessions as Appointment[];
    const ids = sessions.map((s) => s.id);
    const atBooking = await deliver(ids);
    expect(atBooking.map((e) => e.kind)).toEqual(["confirmation"]);
    expect(linksOf(atBooking[0]!)).toEqual([]);

    for (const session of sessions.slice(0, 2)) {
      api.clock.set(new Date(new Date(session.start).getTime() - 20 * 3_600_000).toISOString());
      const reminders = (await deliver(ids)).filter((e) => e.kind === "reminder");
      expect(reminders).toHaveLength(1);
      expect(linksOf(reminders[0]!)).toEqual([
        { action: "confirm", appointmentId: session.id, expiresAt: session.start },
        { action: "cancel", appointmentId: session.id, expiresAt: session.start },
      ]);
    }
  });
});
