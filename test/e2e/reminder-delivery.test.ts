import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { afterEach, describe, expect, it } from "vitest";
import { ensureTable } from "../../local/create-table.js";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/dynamodb-local.js";
import { createStreamPoller } from "../../local/stream-poller.js";
import { EventBridgeReminderScheduler } from "../../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { SesMailer } from "../../shared/adapters/ses/ses-mailer.js";
import { makeScheduleSyncHandler } from "../../shared/handlers/schedule-sync-handler.js";
import { makeSendReminderHandler } from "../../shared/handlers/send-reminder-handler.js";
import { scheduleName } from "../../shared/ports/reminder-scheduler.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";
import { services } from "../support/services.js";
import { tempDir } from "../support/temp-dir.js";

const stacks: LocalStackHarness[] = [];
const start = async (options: Parameters<typeof localStackHarness>[0] = {}) => {
  const h = await localStackHarness(options);
  stacks.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((h) => h.stack.stop()));
});

describe("reminder delivery guarantees", () => {
  it("the same reminder delivered five times at once sends exactly one email", async () => {
    const h = await start();
    const patient = await h.eligiblePatient(["iv-ketamine"]);
    await h.stack.settle(); // the consultation's confirmation goes out here
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.id,
      service: "iv-ketamine",
      start: "2026-12-09T10:00:00-05:00",
    });
    // Not settled: the confirmation is pending and no schedule-sync has run yet.
    const confirmation = booked.body.reminders.find((r: { kind: string }) => r.kind === "confirmation");
    const job = { reminderId: confirmation.id, appointmentId: booked.body.id, dueAt: confirmation.dueAt };
    const send = makeSendReminderHandler({
      store: h.stack.store,
      clock: h.stack.clock,
      ids: () => crypto.randomUUID(),
      clinicDefaults: (await h.call("GET", "/clinic")).body,
      mailer: new SesMailer(
        new SESv2Client({
          endpoint: services().sesEndpoint,
          region: LOCAL_REGION,
          credentials: LOCAL_CREDENTIALS,
        }),
        "reminders@clinic.local",
      ),
      senderEmail: "reminders@clinic.local",
    });
    const before = (await h.emailsTo(patient.email)).length;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => send(job)));
    expect(outcomes.filter((o) => o.result === "sent")).toHaveLength(1);
    // The stream then delivers the booking to schedule-sync, which finds nothing left to send.
    await h.stack.settle();
    expect((await h.emailsTo(patient.email)).length).toBe(before + 1);
    const after = await h.call("GET", `/appointments/${booked.body.id}`);
    expect(after.body.reminders.find((r: { id: string }) => r.id === confirmation.id).status).toBe("sent");
  });

  it("a crash between the booking and its schedules ends with every schedule in place", async () => {
    const h = await start();
    const patient = await h.eligiblePatient(["kap"]);
    await h.stack.settle();
    const series = await h.call("POST", "/series", {
      patientId: patient.id,
      protocolId: "kap",
      start: "2026-12-08T09:00:00-05:00",
    });
    expect(series.status).toBe(201);
    // Committed, but schedule-sync has not run: no schedule exists yet for the new reminders.
    const pending = series.body.sessions.flatMap(
      (s: { reminders: { id: string; status: string; kind: string }[] }) =>
        s.reminders.filter((r) => r.status === "scheduled" && r.kind !== "confirmation"),
    );
    expect(pending.length).toBeGreaterThan(10);
    const names = () => new Set(h.stack.scheduler.list().map((s) => s.Name));
    for (const r of pending) expect(names().has(scheduleName(r.id))).toBe(false);

    // schedule-sync crashes twice on this batch; the stream redelivers it, as Lambda's retries would.
    let crashes = 2;
    const schedules = new EventBridgeReminderScheduler(
      new SchedulerClient({
        endpoint: h.stack.scheduler.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
      {
        groupName: "clinic-reminders",
        targetArn: "arn:aws:lambda:us-east-1:000000000000:function:x",
        roleArn: "arn:aws:iam::000000000000:role/x",
      },
      async () => undefined,
    );
    const handler = makeScheduleSyncHandler({
      scheduler: {
        upsert: async (job) => {
          if (crashes-- > 0) throw new Error("crash");
          await schedules.upsert(job);
        },
        remove: (id) => schedules.remove(id),
        sendNow: async () => undefined,
      },
      clock: h.stack.clock,
      store: h.stack.store,
    });
    const dynamo = new DynamoDBClient({
      endpoint: services().dynamodbEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const streamArn = await ensureTable(dynamo, h.stack.tableName);
    const redelivery = createStreamPoller({
      endpoint: services().dynamodbEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      streamArn,
      handler,
      maxAttempts: 5,
    });
    await redelivery.drain();
    expect(redelivery.failures()).toEqual([]);
    for (const r of pending) expect(names().has(scheduleName(r.id))).toBe(true);
    // The stack's own schedule-sync then sees the same records again: no duplicates, same schedules.
    const count = h.stack.scheduler.list().length;
    await h.stack.settle();
    expect(h.stack.scheduler.list().length).toBe(count);
    await redelivery.stop();
  });

  it("a target that keeps failing ends in the dead-letter path, where staff can see it", async () => {
    const h = await start({
      wrapSendReminder: (send) => async (input) => {
        if ((input as { dueAt: string }).dueAt > "2026-12-01") throw new Error("send-reminder is down");
        return send(input);
      },
    });
    const patient = await h.eligiblePatient(["iv-ketamine"]);
    const booked = await h.call("POST", "/appointments", {
      patientId: patient.id,
      service: "iv-ketamine",
      start: "2026-12-09T10:00:00-05:00",
    });
    const reminder = booked.body.reminders.find((r: { kind: string }) => r.kind === "reminder");
    await h.call("POST", "/local/clock", { now: "2026-12-08T16:00:00Z" }, "admin");
    const dead = await h.call("GET", "/local/dead-letters");
    expect(dead.status).toBe(200);
    expect(dead.body.schedules.map((d: { scheduleName: string }) => d.scheduleName)).toContain(
      scheduleName(reminder.id),
    );
    // Not sent, and still visible as due on the appointment for staff to follow up.
    const after = await h.call("GET", `/appointments/${booked.body.id}`);
    expect(after.body.reminders.find((r: { id: string }) => r.id === reminder.id).status).toBe("scheduled");
  });

  it("schedules survive a restart when not in memory", async () => {
    const dataDir = await tempDir();
    const tableName = `restart-${crypto.randomUUID()}`;
    const first = await start({ dataDir: dataDir.path, tableName });
    const patient = await first.eligiblePatient(["iv-ketamine"]);
    const booked = await first.call("POST", "/appointments", {
      patientId: patient.id,
      service: "iv-ketamine",
      start: "2026-12-09T10:00:00-05:00",
    });
    await first.stack.settle();
    const scheduled = first.stack.scheduler.list().length;
    expect(scheduled).toBeGreaterThan(0);
    await first.stack.stop();
    stacks.splice(stacks.indexOf(first), 1);

    const second = await start({ dataDir: dataDir.path, tableName });
    expect(second.stack.scheduler.list().length).toBe(scheduled);
    expect(second.stack.clock.now().toISOString()).toBe(first.stack.clock.now().toISOString());
    const fired = await second.call("POST", "/local/clock", { now: "2026-12-08T16:00:00Z" }, "admin");
    expect(fired.body.fired.map((f: { result: string }) => f.result)).toEqual(["sent", "sent"]);
    const reminders = (await second.call("GET", `/appointments/${booked.body.id}`)).body.reminders;
    expect(reminders.map((r: { status: string }) => r.status)).toEqual(["sent", "sent", "sent"]);
    await dataDir.remove();
  });
});
