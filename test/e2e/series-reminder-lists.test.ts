import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment } from "../../shared/domain/types.js";
import { longDateTime } from "../../shared/email/local-format.js";
import type { Mailer, OutgoingEmail } from "../../shared/ports/mailer.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { type ApiHarness, apiHarness, eligiblePatient } from "../support/api-harness.js";

// A series email lists every session from a summary on the series item, read in the same BatchGetItem
// as the appointment. These tests change sessions through the API, then send the email straight through
// the use case on the same table, counting what it asks of AWS.

const zone = DEFAULT_CLINIC.timezone;
const icsStart = (iso: string) => `DTSTART:${iso.replace(/[-:]/g, "").replace(/\.\d+/, "")}`;

async function bookedSeries() {
  const api = await apiHarness();
  const patientId = await eligiblePatient(api, ["iv-ketamine"]);
  const res = await api.call("POST", "/series", {
    patientId,
    protocolId: "iv-ketamine",
    start: "2026-12-07T10:00:00-05:00",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const sessions = res.body.sessions as Appointment[];
  expect(sessions).toHaveLength(6);
  return { api, seriesId: res.body.id as string, sessions };
}

/** Sends one reminder with a mailer that keeps the email, and counts every AWS request it takes. */
async function send(api: ApiHarness, appointmentId: string, kind: string) {
  const appointment = (await api.call("GET", `/appointments/${appointmentId}`)).body as Appointment;
  const reminder = appointment.reminders.find((r) => r.kind === kind && r.status === "scheduled");
  if (!reminder) throw new Error(`no scheduled ${kind} on ${appointmentId}`);
  const counter = api.requests;
  const emails: OutgoingEmail[] = [];
  const mailer: Mailer = {
    async send(email) {
      // SES's SendEmail, one request in AWS.
      counter.record("SESv2.SendEmail");
      emails.push(email);
      return `message-${emails.length}`;
    },
  };
  const deps = api.reminderDeps(mailer);
  const job = { reminderId: reminder.id, appointmentId, dueAt: reminder.dueAt };
  const { result, requests, total } = await counter.measure(() => sendReminder(deps, job));
  expect(result).toMatchObject({ result: "sent" });
  expect(emails).toHaveLength(1);
  const email = emails[0]!;
  const ics = email.attachments[0]?.content ?? "";
  return { email, ics, requests, total };
}

describe("a series email lists the sessions as they are now, in four AWS requests", () => {
  it("a confirmation sent after a session moved lists its new time, not the old one", async () => {
    const { api, sessions } = await bookedSeries();
    const last = sessions[5]!;
    const moved = new Date(new Date(last.start).getTime() + 4 * 3_600_000).toISOString();
    const res = await api.call("POST", `/appointments/${last.id}/reschedule`, { start: moved });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const { email, ics, requests, total } = await send(api, sessions[0]!.id, "confirmation");
    expect(email.text).toContain(longDateTime(moved, zone));
    expect(email.text).not.toContain(longDateTime(last.start, zone));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    expect(ics).toContain(icsStart(moved));
    expect(ics).not.toContain(icsStart(last.start));
    expect(requests).toEqual({
      "DynamoDB.BatchGetItem": 1,
      "DynamoDB.UpdateItem": 2,
      "SESv2.SendEmail": 1,
    });
    expect(total).toBe(4);
  });

  it("a confirmation sent after a session was cancelled leaves it out", async () => {
    const { api, sessions } = await bookedSeries();
    const dropped = sessions[3]!;
    const res = await api.call("POST", `/appointments/${dropped.id}/cancel`, { reason: "unwell" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const { email, ics, total } = await send(api, sessions[0]!.id, "confirmation");
    expect(email.text).toContain("Your 5 ");
    expect(email.text).not.toContain(longDateTime(dropped.start, zone));
    for (const kept of sessions.filter((s) => s.id !== dropped.id))
      expect(email.text).toContain(longDateTime(kept.start, zone));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(ics).not.toContain(icsStart(dropped.start));
    expect(total).toBe(4);
  });

  it("a series cancellation notice lists the cancelled sessions, at their latest times", async () => {
    const { api, seriesId, sessions } = await bookedSeries();
    const last = sessions[5]!;
    const moved = new Date(new Date(last.start).getTime() + 4 * 3_600_000).toISOString();
    expect((await api.call("POST", `/appointments/${last.id}/reschedule`, { start: moved })).status).toBe(
      200,
    );
    const res = await api.call("POST", `/series/${seriesId}/cancel`, { reason: "patient moved away" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const { email, ics, requests, total } = await send(api, sessions[0]!.id, "cancellation");
    expect(email.text).toContain("These 6 ");
    // About all six, not one: "appointment cancelled for Mon 7 Dec" and "the cancelled time" said otherwise.
    expect(email.subject).toBe("Riverside Wellness Clinic: appointments cancelled, starting Mon 7 Dec");
    expect(email.text).toContain("removes them from your calendar");
    expect(email.text).not.toContain("the cancelled time");
    const times = [...sessions.slice(0, 5).map((s) => s.start), moved];
    for (const start of times) expect(email.text).toContain(longDateTime(start, zone));
    expect(email.text).not.toContain(longDateTime(last.start, zone));
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    expect(requests["DynamoDB.Query"]).toBeUndefined();
    expect(total).toBe(4);
  });

  it("every write to a session rewrites its entry in the series summary, in the same transaction", async () => {
    const { api, seriesId, sessions } = await bookedSeries();
    const seriesItem = async () =>
      (
        await api.table.doc.send(
          new GetCommand({
            TableName: api.table.tableName,
            Key: { pk: `SERIES#${seriesId}`, sk: "SERIES" },
            ConsistentRead: true,
          }),
        )
      ).Item!;
    const expectSummaryMatchesSessions = async () => {
      const item = await seriesItem();
      expect(item.sessionIds).toEqual(sessions.map((s) => s.id));
      for (const s of sessions) {
        const current = (await api.call("GET", `/appointments/${s.id}`)).body as Appointment;
        expect(item[`session#${s.id}`], `session ${s.sequence}`).toEqual({
          start: current.start,
          end: current.end,
          sequence: current.sequence,
          status: current.status,
          version: current.version,
        });
      }
    };
    await expectSummaryMatchesSessions();

    const moved = new Date(new Date(sessions[2]!.start).getTime() + 4 * 3_600_000).toISOString();
    expect(
      (await api.call("POST", `/appointments/${sessions[2]!.id}/reschedule`, { start: moved })).status,
    ).toBe(200);
    await expectSummaryMatchesSessions();
    expect((await api.call("POST", `/appointments/${sessions[4]!.id}/cancel`, {})).status).toBe(200);
    await expectSummaryMatchesSessions();

    // Past the first session: attendance changes its status. The series cancel then also rewrites that
    // past session, whose own reminders never fired here, besides cancelling the sessions to come.
    api.clock.set(sessions[0]!.end);
    const attended = await api.call(
      "POST",
      `/appointments/${sessions[0]!.id}/attendance`,
      { status: "no-show" },
      { role: "clinician" },
    );
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
    await expectSummaryMatchesSessions();
    expect((await api.call("POST", `/series/${seriesId}/cancel`, { reason: "stopped" })).status).toBe(200);
    await expectSummaryMatchesSessions();

    // The summary stays in the table: the API's series is the same shape as before.
    const fetched = await api.call("GET", `/series/${seriesId}`);
    expect(fetched.body).toMatchObject({ id: seriesId, status: "cancelled", cancelReason: "stopped" });
    expect(Object.keys(fetched.body).filter((k) => k.startsWith("session"))).toEqual(["sessions"]);
  });

  it("a series stored before the summary existed is listed from its sessions (one more request)", async () => {
    const { api, seriesId, sessions } = await bookedSeries();
    await api.table.doc.send(
      new UpdateCommand({
        TableName: api.table.tableName,
        Key: { pk: `SERIES#${seriesId}`, sk: "SERIES" },
        UpdateExpression: "REMOVE sessionIds",
      }),
    );
    const dropped = sessions[1]!;
    expect((await api.call("POST", `/appointments/${dropped.id}/cancel`, {})).status).toBe(200);

    const { email, requests, total } = await send(api, sessions[0]!.id, "confirmation");
    expect(email.text).toContain("Your 5 ");
    expect(email.text).not.toContain(longDateTime(dropped.start, zone));
    expect(requests["DynamoDB.Query"]).toBe(1);
    expect(total).toBe(5);
  });

  it("a summary that disagrees with the appointment read beside it is not trusted", async () => {
    const { api, sessions } = await bookedSeries();
    // A session written without its summary entry (a bug, or code from before the summary) must not
    // let the summary speak for the series.
    const first = sessions[0]!;
    await api.table.doc.send(
      new UpdateCommand({
        TableName: api.table.tableName,
        Key: { pk: `APPT#${first.id}`, sk: "APPT" },
        UpdateExpression: "SET version = version + :one",
        ExpressionAttributeValues: { ":one": 1 },
      }),
    );
    const { email, requests } = await send(api, first.id, "confirmation");
    expect(email.text).toContain("Your 6 ");
    expect(requests["DynamoDB.Query"]).toBe(1);
  });
});
