import { GetScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { afterEach, describe, expect, it } from "vitest";
import { startSchedulerEmulator } from "../../local/scheduler-emulator/index.js";
import { EventBridgeReminderScheduler } from "../../shared/adapters/scheduler/eventbridge-reminder-scheduler.js";
import { scheduleName } from "../../shared/ports/reminder-scheduler.js";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** The adapter on the Scheduler emulator, with every request it sends recorded (name → status). */
async function adapter() {
  const emulator = await startSchedulerEmulator({ port: 0, invoke: async () => {} });
  stops.push(() => emulator.stop());
  const client = new SchedulerClient({
    endpoint: emulator.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? "").replace(/Command$/, "");
      try {
        const out = await next(args);
        sent.push(name);
        return out;
      } catch (error) {
        sent.push(`${name} → ${(error as Error).name}`);
        throw error;
      }
    },
    { step: "initialize", name: "recordRequests" },
  );
  const scheduler = new EventBridgeReminderScheduler(
    client,
    {
      groupName: "default",
      targetArn: "arn:aws:lambda:us-east-1:000000000000:function:send-reminder",
      roleArn: "arn:aws:iam::000000000000:role/scheduler-invoke",
    },
    async () => {},
  );
  const expression = async (reminderId: string) =>
    (await client.send(new GetScheduleCommand({ Name: scheduleName(reminderId), GroupName: "default" })))
      .ScheduleExpression;
  return { scheduler, sent, expression };
}

const job = (dueAt: string) => ({ reminderId: "r1", appointmentId: "a1", dueAt });

describe("EventBridgeReminderScheduler.upsert", () => {
  it("creates a new reminder's schedule in one request", async () => {
    const { scheduler, sent, expression } = await adapter();
    await scheduler.upsert(job("2027-01-04T14:00:00.000Z"), { exists: false });
    expect(sent).toEqual(["CreateSchedule"]);
    expect(await expression("r1")).toBe("at(2027-01-04T14:00:00)");
  });

  it("moves a pending reminder's schedule in one request", async () => {
    const { scheduler, sent, expression } = await adapter();
    await scheduler.upsert(job("2027-01-04T14:00:00.000Z"));
    sent.length = 0;
    await scheduler.upsert(job("2027-01-05T09:30:00.000Z"), { exists: true });
    expect(sent).toEqual(["UpdateSchedule"]);
    expect(await expression("r1")).toBe("at(2027-01-05T09:30:00)");
  });

  it("still ends with the schedule when the hint is wrong either way", async () => {
    const { scheduler, sent, expression } = await adapter();
    // Said to exist, but it fired and deleted itself (or was never made): created after all.
    await scheduler.upsert(job("2027-01-04T14:00:00.000Z"), { exists: true });
    expect(sent).toEqual(["UpdateSchedule → ResourceNotFoundException", "CreateSchedule"]);
    // Redelivered with no hint while it exists: moved after all.
    sent.length = 0;
    await scheduler.upsert(job("2027-01-06T08:00:00.000Z"));
    expect(sent).toEqual(["CreateSchedule → ConflictException", "UpdateSchedule"]);
    expect(await expression("r1")).toBe("at(2027-01-06T08:00:00)");
  });
});
