import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment, Reminder } from "../../shared/domain/types.js";
import { randomIds } from "../../shared/ports/id-source.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import type { Store } from "../../shared/ports/store.js";
import { closeDate } from "../../shared/use-cases/closures.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { type ApiHarness, apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

const WEDNESDAY = "2026-12-02";
const REASON = "Burst pipe above chair 2 (Dana's report)";
const close = (api: ApiHarness, body: unknown, role: "admin" | "staff" = "admin") =>
  api.call("POST", "/closures", body, { role });

/** Wednesday: a consultation, a single IV session, and the first session of an IV series; Thursday: one more. */
async function bookedWeek(api: ApiHarness) {
  const book = async (patientId: string, service: string, start: string) => {
    const res = await api.call("POST", "/appointments", { patientId, service, start });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Appointment;
  };
  const single = await eligiblePatient(api, ["iv-ketamine"], { email: "single@x.org" });
  const inSeries = await eligiblePatient(api, ["iv-ketamine"], { email: "series@x.org" });
  const talk = (await api.call("POST", "/patients", newPatient({ email: "talk@x.org" }))).body.id;
  const consultation = await book(talk, "consultation", "2026-12-02T11:00:00-05:00");
  const chair = await book(single, "iv-ketamine", "2026-12-02T09:00:00-05:00");
  const series = await api.call("POST", "/series", {
    patientId: inSeries,
    protocolId: "iv-ketamine",
    start: "2026-12-02T13:00:00-05:00",
  });
  expect(series.status).toBe(201);
  const thursday = await book(talk, "consultation", "2026-12-03T11:00:00-05:00");
  return { consultation, chair, series: series.body as { id: string; sessions: Appointment[] }, thursday };
}

const closureNotices = (a: Appointment) =>
  a.reminders.filter((r) => r.kind === "cancellation" && r.notice === "clinic-closure");

describe("POST /closures", () => {
  it("closes the date, cancels every booking on it, tells each patient, and keeps the series' other sessions", async () => {
    const api = await apiHarness();
    const { consultation, chair, series, thursday } = await bookedWeek(api);
    const onWednesday = [chair.id, consultation.id, series.sessions[0]!.id];

    const res = await close(api, { date: WEDNESDAY, reason: REASON });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.date).toBe(WEDNESDAY);
    expect(res.body.cancelled.map((a: Appointment) => a.id)).toEqual(onWednesday);
    for (const a of res.body.cancelled as Appointment[]) {
      expect(a).toMatchObject({ status: "cancelled", cancelledBy: "clinic-closure", cancelReason: REASON });
      expect(closureNotices(a)).toEqual([expect.objectContaining({ status: "scheduled" })]);
      expect(a.reminders.filter((r) => r.status === "scheduled")).toHaveLength(1);
    }
    expect((await api.call("GET", "/clinic")).body.closedDates).toEqual([WEDNESDAY]);

    // The series goes on without its first session; Thursday is untouched.
    const after = await api.call("GET", `/series/${series.id}`);
    expect(after.body.status).toBe("active");
    expect(after.body.sessions.map((s: Appointment) => s.status)).toEqual([
      "cancelled",
      "booked",
      "booked",
      "booked",
      "booked",
      "booked",
    ]);
    expect((await api.call("GET", `/appointments/${thursday.id}`)).body.status).toBe("booked");

    // Nothing more lands on the date.
    const slots = await api.call(
      "GET",
      `/availability?service=consultation&from=${WEDNESDAY}&to=${WEDNESDAY}`,
    );
    expect(slots.body.slots).toEqual([]);
    const late = await api.call("POST", "/appointments", {
      patientId: consultation.patientId,
      service: "consultation",
      start: "2026-12-02T15:00:00-05:00",
    });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe("closed-date");

    // The front desk sees the day closed, with what it called off.
    const agenda = await api.call("GET", `/agenda?date=${WEDNESDAY}`);
    expect(agenda.body.closed).toBe(true);
    expect(agenda.body.cancelled.map((e: { appointmentId: string }) => e.appointmentId)).toEqual(onWednesday);

    // A repeat finds nothing left to do, tells nobody twice, and answers the same.
    const again = await close(api, { date: WEDNESDAY, reason: REASON });
    expect(again.status).toBe(200);
    expect(again.body.cancelled.map((a: Appointment) => a.id)).toEqual(onWednesday);
    for (const id of onWednesday)
      expect(closureNotices((await api.call("GET", `/appointments/${id}`)).body)).toHaveLength(1);
    expect((await api.call("GET", "/clinic")).body.closedDates).toEqual([WEDNESDAY]);
  });

  it("sends a notice that says the clinic will call, and never the staff's reason", async () => {
    const api = await apiHarness();
    const { consultation } = await bookedWeek(api);
    const res = await close(api, { date: WEDNESDAY, reason: REASON });
    const cancelled = (res.body.cancelled as Appointment[]).find((a) => a.id === consultation.id)!;
    const notice = closureNotices(cancelled)[0] as Reminder;
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = {
      async send(email) {
        sent.push(email);
        return "message-1";
      },
    };
    const outcome = await sendReminder(api.reminderDeps(mailer), {
      appointmentId: cancelled.id,
      reminderId: notice.id,
      dueAt: notice.dueAt,
    });
    expect(outcome).toMatchObject({ result: "sent" });
    expect(sent[0]!.subject).toBe("Riverside Wellness Clinic: appointment cancelled for Wed 2 Dec");
    expect(sent[0]!.text).toContain("the clinic has to close on Wednesday, 2 December 2026");
    expect(sent[0]!.text).toContain("We will call you to find a new time.");
    for (const part of [sent[0]!.subject, sent[0]!.text, sent[0]!.html]) expect(part).not.toContain("pipe");
  });

  it("refuses a past date, one beyond the horizon and a missing reason; admins only; a refusal writes nothing", async () => {
    const api = await apiHarness();
    await bookedWeek(api);
    const before = await api.allItems();
    const past = await close(api, { date: "2026-11-29", reason: REASON });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: "in-the-past", errors: [{ path: "date" }] });
    const far = await close(api, { date: "2028-01-03", reason: REASON });
    expect(far.status).toBe(422);
    expect(far.body).toMatchObject({ code: "beyond-horizon", errors: [{ path: "date" }] });
    const noReason = await close(api, { date: WEDNESDAY, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(["reason"]);
    expect((await close(api, { date: WEDNESDAY, reason: REASON }, "staff")).status).toBe(403);
    expect(await api.allItems()).toEqual(before);
  });

  it("after a crash midway, repeating the request finishes the job and tells nobody twice", async () => {
    const api = await apiHarness();
    const { consultation, chair, series } = await bookedWeek(api);
    // A store whose second commit dies, as a Lambda timing out between two cancellations would.
    let commits = 0;
    const dying = new Proxy(api.store, {
      get(target, property, receiver) {
        if (property === "commit")
          return async (changes: Parameters<Store["commit"]>[0]) => {
            if (++commits === 2) throw new Error("the function timed out");
            return target.commit(changes);
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const deps = { store: dying, clock: api.clock, ids: randomIds, clinicDefaults: DEFAULT_CLINIC };
    await expect(closeDate(deps, WEDNESDAY, REASON)).rejects.toThrow("timed out");
    const statuses = async () =>
      Promise.all(
        [chair.id, consultation.id, series.sessions[0]!.id].map(
          async (id) => (await api.call("GET", `/appointments/${id}`)).body.status,
        ),
      );
    expect((await statuses()).filter((s) => s === "cancelled")).toHaveLength(1);
    // Closed already: the day takes no new bookings while it waits for the repeat.
    const meanwhile = await api.call("POST", "/appointments", {
      patientId: consultation.patientId,
      service: "consultation",
      start: "2026-12-02T16:00:00-05:00",
    });
    expect(meanwhile.body.code).toBe("closed-date");

    const repeat = await close(api, { date: WEDNESDAY, reason: REASON });
    expect(repeat.status, JSON.stringify(repeat.body)).toBe(200);
    expect(repeat.body.cancelled).toHaveLength(3);
    expect(await statuses()).toEqual(["cancelled", "cancelled", "cancelled"]);
    for (const a of repeat.body.cancelled as Appointment[]) expect(closureNotices(a)).toHaveLength(1);
  });

  it("today: a session under way goes on, the rest of the day is called off", async () => {
    const api = await apiHarness();
    const { chair, consultation } = await bookedWeek(api);
    api.clock.set("2026-12-02T14:30:00Z"); // Wednesday 09:30: the 09:00 chair session is under way
    const res = await close(api, { date: WEDNESDAY, reason: REASON });
    expect(res.status).toBe(200);
    expect(res.body.cancelled.map((a: Appointment) => a.id)).not.toContain(chair.id);
    expect(res.body.cancelled.map((a: Appointment) => a.id)).toContain(consultation.id);
    expect((await api.call("GET", `/appointments/${chair.id}`)).body.status).toBe("booked");
  });
});
