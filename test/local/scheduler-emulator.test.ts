import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { afterEach, describe, expect, it } from "vitest";
import {
  type InvokeTarget,
  type SchedulerEmulator,
  startSchedulerEmulator,
} from "../../local/scheduler-emulator/index.js";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";
import { tempDir } from "../support/temp-dir.js";

const TARGET_ARN = "arn:aws:lambda:us-east-1:000000000000:function:send-reminder";
const ROLE_ARN = "arn:aws:iam::000000000000:role/scheduler-invoke";

const running: SchedulerEmulator[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function start(options: { invoke?: InvokeTarget; dataDir?: string; concurrency?: number } = {}) {
  const invocations: { targetArn: string; input: string }[] = [];
  const emulator = await startSchedulerEmulator({
    port: 0,
    dataDir: options.dataDir,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    invoke:
      options.invoke ??
      (async (targetArn, input) => {
        invocations.push({ targetArn, input });
      }),
  });
  running.push(emulator);
  const client = new SchedulerClient({
    endpoint: emulator.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
  return { emulator, client, invocations };
}

function schedule(
  name: string,
  at: string,
  extra: Partial<CreateScheduleCommandInput> = {},
): CreateScheduleCommandInput {
  return {
    Name: name,
    ScheduleExpression: `at(${at})`,
    FlexibleTimeWindow: { Mode: "OFF" },
    Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ name }) },
    ...extra,
  };
}

describe("scheduler emulator API (through @aws-sdk/client-scheduler)", () => {
  it("creates, gets, updates, lists and deletes a schedule", async () => {
    const { client } = await start();
    const created = await client.send(
      new CreateScheduleCommand(
        schedule("reminder-1", "2026-03-10T09:00:00", {
          ScheduleExpressionTimezone: "Europe/Berlin",
          ActionAfterCompletion: "DELETE",
          Description: "24 h reminder",
        }),
      ),
    );
    expect(created.ScheduleArn).toBe("arn:aws:scheduler:us-east-1:000000000000:schedule/default/reminder-1");

    const got = await client.send(new GetScheduleCommand({ Name: "reminder-1" }));
    expect(got).toMatchObject({
      Name: "reminder-1",
      GroupName: "default",
      ScheduleExpression: "at(2026-03-10T09:00:00)",
      ScheduleExpressionTimezone: "Europe/Berlin",
      State: "ENABLED",
      ActionAfterCompletion: "DELETE",
      Description: "24 h reminder",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, Input: '{"name":"reminder-1"}' },
    });
    expect(got.CreationDate).toBeInstanceOf(Date);

    await client.send(
      new UpdateScheduleCommand({ ...schedule("reminder-1", "2026-03-11T09:00:00"), State: "DISABLED" }),
    );
    const updated = await client.send(new GetScheduleCommand({ Name: "reminder-1" }));
    expect(updated.ScheduleExpression).toBe("at(2026-03-11T09:00:00)");
    expect(updated.State).toBe("DISABLED");
    // Update replaces the definition: fields not sent fall back to their defaults, as in AWS.
    expect(updated.ScheduleExpressionTimezone).toBeUndefined();
    expect(updated.ActionAfterCompletion).toBe("NONE");

    await client.send(new CreateScheduleCommand(schedule("reminder-2", "2026-03-12T09:00:00")));
    const listed = await client.send(
      new ListSchedulesCommand({ GroupName: "default", NamePrefix: "reminder-" }),
    );
    expect(listed.Schedules?.map((s) => [s.Name, s.State, s.Target?.Arn])).toEqual([
      ["reminder-1", "DISABLED", TARGET_ARN],
      ["reminder-2", "ENABLED", TARGET_ARN],
    ]);
    const page = await client.send(new ListSchedulesCommand({ MaxResults: 1 }));
    expect(page.Schedules).toHaveLength(1);
    const rest = await client.send(new ListSchedulesCommand({ MaxResults: 1, NextToken: page.NextToken }));
    expect(rest.Schedules?.[0]?.Name).toBe("reminder-2");
    expect(rest.NextToken).toBeUndefined();

    await client.send(new DeleteScheduleCommand({ Name: "reminder-1" }));
    await expect(client.send(new GetScheduleCommand({ Name: "reminder-1" }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("maps conflicts and missing schedules to the SDK's modeled exceptions", async () => {
    const { client } = await start();
    await client.send(new CreateScheduleCommand(schedule("dup", "2026-03-10T09:00:00")));
    await expect(
      client.send(new CreateScheduleCommand(schedule("dup", "2026-03-10T10:00:00"))),
    ).rejects.toBeInstanceOf(ConflictException);
    for (const command of [
      new GetScheduleCommand({ Name: "missing" }),
      new UpdateScheduleCommand(schedule("missing", "2026-03-10T09:00:00")),
      new DeleteScheduleCommand({ Name: "missing" }),
      new GetScheduleCommand({ Name: "dup", GroupName: "clinic" }),
    ]) {
      await expect(client.send(command as GetScheduleCommand)).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
    }
    // Creating into a group that does not exist is also "not found".
    await expect(
      client.send(new CreateScheduleCommand(schedule("x", "2026-03-10T09:00:00", { GroupName: "clinic" }))),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("rejects invalid input with ValidationException", async () => {
    const { client } = await start();
    const invalid: Partial<CreateScheduleCommandInput>[] = [
      { Name: "has space" },
      { Name: "x".repeat(65) },
      { ScheduleExpression: "rate(5 minutes)" },
      { ScheduleExpression: "at(2026-02-30T09:00:00)" },
      { ScheduleExpression: "at(2026-03-10 09:00:00)" },
      { ScheduleExpressionTimezone: "Mars/Olympus" },
      { FlexibleTimeWindow: { Mode: "SOMETIMES" as "OFF" } },
      { FlexibleTimeWindow: { Mode: "FLEXIBLE" } },
      { Target: { Arn: "not-an-arn", RoleArn: ROLE_ARN } },
      { Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, RetryPolicy: { MaximumRetryAttempts: 186 } } },
      { ActionAfterCompletion: "ARCHIVE" as "NONE" },
      { State: "PAUSED" as "ENABLED" },
    ];
    for (const override of invalid) {
      const error = await client
        .send(new CreateScheduleCommand({ ...schedule("valid-name", "2026-03-10T09:00:00"), ...override }))
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error, JSON.stringify(override)).toBeInstanceOf(ValidationException);
      expect((error as Error).message.length).toBeGreaterThan(0);
    }
    const listed = await client.send(new ListSchedulesCommand({}));
    expect(listed.Schedules).toEqual([]);
  });

  it("has a default group and creates others", async () => {
    const { client } = await start();
    expect((await client.send(new GetScheduleGroupCommand({ Name: "default" }))).State).toBe("ACTIVE");
    await expect(client.send(new GetScheduleGroupCommand({ Name: "clinic" }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const created = await client.send(new CreateScheduleGroupCommand({ Name: "clinic" }));
    expect(created.ScheduleGroupArn).toBe("arn:aws:scheduler:us-east-1:000000000000:schedule-group/clinic");
    await expect(client.send(new CreateScheduleGroupCommand({ Name: "clinic" }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    await client.send(
      new CreateScheduleCommand(schedule("in-group", "2026-03-10T09:00:00", { GroupName: "clinic" })),
    );
    const got = await client.send(new GetScheduleCommand({ Name: "in-group", GroupName: "clinic" }));
    expect(got.Arn).toBe("arn:aws:scheduler:us-east-1:000000000000:schedule/clinic/in-group");
    expect((await client.send(new ListSchedulesCommand({ GroupName: "default" }))).Schedules).toEqual([]);
  });
});

describe("scheduler emulator firing", () => {
  it("fires due schedules in due order at the instant their zone's wall time denotes, across DST", async () => {
    const { emulator, client, invocations } = await start();
    // US DST starts 2026-03-08: 03:30 in New York is 08:30Z on the 7th (EST) but 07:30Z on the 8th (EDT).
    await client.send(
      new CreateScheduleCommand(
        schedule("after-dst", "2026-03-08T03:30:00", { ScheduleExpressionTimezone: "America/New_York" }),
      ),
    );
    await client.send(
      new CreateScheduleCommand(
        schedule("before-dst", "2026-03-07T03:30:00", { ScheduleExpressionTimezone: "America/New_York" }),
      ),
    );
    await client.send(new CreateScheduleCommand(schedule("utc", "2026-03-08T07:00:00")));
    await client.send(
      new CreateScheduleCommand(schedule("disabled", "2026-03-01T00:00:00", { State: "DISABLED" })),
    );

    expect(await emulator.fireDue(new Date("2026-03-07T08:29:59Z"))).toEqual([]);
    const first = await emulator.fireDue(new Date("2026-03-07T08:30:00Z"));
    expect(first.map((f) => [f.scheduleName, f.dueAt, f.outcome])).toEqual([
      ["before-dst", "2026-03-07T08:30:00.000Z", "succeeded"],
    ]);

    expect(await emulator.fireDue(new Date("2026-03-08T07:29:59Z"))).toMatchObject([{ scheduleName: "utc" }]);
    const last = await emulator.fireDue(new Date("2026-03-08T07:30:00Z"));
    expect(last.map((f) => [f.scheduleName, f.dueAt])).toEqual([["after-dst", "2026-03-08T07:30:00.000Z"]]);
    expect(invocations).toEqual(
      ["before-dst", "utc", "after-dst"].map((name) => ({
        targetArn: TARGET_ARN,
        input: JSON.stringify({ name }),
      })),
    );
  });

  it("fires everything due in one call earliest first, and never fires a kept schedule twice", async () => {
    const { emulator, client, invocations } = await start();
    await client.send(new CreateScheduleCommand(schedule("c", "2026-03-10T12:00:00")));
    await client.send(new CreateScheduleCommand(schedule("a", "2026-03-10T10:00:00")));
    await client.send(
      new CreateScheduleCommand(schedule("b", "2026-03-10T11:00:00", { ActionAfterCompletion: "DELETE" })),
    );

    const fired = await emulator.fireDue(new Date("2026-03-11T00:00:00Z"));
    expect(fired.map((f) => f.scheduleName)).toEqual(["a", "b", "c"]);
    expect(await emulator.fireDue(new Date("2026-03-12T00:00:00Z"))).toEqual([]);
    expect(invocations).toHaveLength(3);

    // DELETE removes it after firing; NONE keeps it (as AWS does) without firing again.
    await expect(client.send(new GetScheduleCommand({ Name: "b" }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(emulator.list().map((s) => s.Name)).toEqual(["a", "c"]);

    // Moving a kept schedule to a new time arms it again.
    await client.send(new UpdateScheduleCommand(schedule("a", "2026-03-13T10:00:00")));
    expect((await emulator.fireDue(new Date("2026-03-13T10:00:00Z"))).map((f) => f.scheduleName)).toEqual([
      "a",
    ]);
  });

  it("fires schedules that a target creates while firing, within the same call", async () => {
    let client: SchedulerClient | undefined;
    const names: string[] = [];
    const started = await start({
      invoke: async (_arn, input) => {
        const { name } = JSON.parse(input) as { name: string };
        names.push(name);
        if (name === "first")
          await client?.send(new CreateScheduleCommand(schedule("follow-up", "2026-03-10T10:30:00")));
      },
    });
    client = started.client;
    await client.send(new CreateScheduleCommand(schedule("first", "2026-03-10T10:00:00")));
    const fired = await started.emulator.fireDue(new Date("2026-03-10T11:00:00Z"));
    expect(fired.map((f) => f.scheduleName)).toEqual(["first", "follow-up"]);
    expect(names).toEqual(["first", "follow-up"]);
  });

  it("follows what a target changes while firing: deleted ones do not fire, moved and new ones fire in due order", async () => {
    let client: SchedulerClient | undefined;
    const started = await start({
      invoke: async (_arn, input) => {
        const { name } = JSON.parse(input) as { name: string };
        if (name !== "first") return;
        await client?.send(new DeleteScheduleCommand({ Name: "deleted" }));
        // Moved past the others (still due), and a new one due before the ones left.
        await client?.send(new UpdateScheduleCommand(schedule("moved", "2026-03-10T10:50:00")));
        await client?.send(new CreateScheduleCommand(schedule("created", "2026-03-10T10:05:00")));
      },
    });
    client = started.client;
    await client.send(new CreateScheduleCommand(schedule("first", "2026-03-10T10:00:00")));
    await client.send(new CreateScheduleCommand(schedule("moved", "2026-03-10T10:10:00")));
    await client.send(new CreateScheduleCommand(schedule("deleted", "2026-03-10T10:20:00")));
    await client.send(new CreateScheduleCommand(schedule("last", "2026-03-10T10:30:00")));
    const fired = await started.emulator.fireDue(new Date("2026-03-10T11:00:00Z"));
    expect(fired.map((f) => f.scheduleName)).toEqual(["first", "created", "last", "moved"]);
    expect(fired.map((f) => f.dueAt)).toEqual([
      "2026-03-10T10:00:00.000Z",
      "2026-03-10T10:05:00.000Z",
      "2026-03-10T10:30:00.000Z",
      "2026-03-10T10:50:00.000Z",
    ]);
  });

  it("serializes overlapping fireDue calls so nothing fires twice", async () => {
    const { emulator, client, invocations } = await start();
    for (const name of ["a", "b", "c"])
      await client.send(new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00")));
    const now = new Date("2026-03-10T10:00:00Z");
    const results = await Promise.all([emulator.fireDue(now), emulator.fireDue(now)]);
    expect(results.flat().map((f) => f.scheduleName)).toEqual(["a", "b", "c"]);
    expect(invocations).toHaveLength(3);
  });

  it("retries a failing target up to the (capped) retry policy, then dead-letters it", async () => {
    const attempts: string[] = [];
    const { emulator, client } = await start({
      invoke: async (_arn, input) => {
        attempts.push(input);
        throw new Error("mailer down");
      },
    });
    await client.send(
      new CreateScheduleCommand(
        schedule("one-retry", "2026-03-10T10:00:00", {
          Target: {
            Arn: TARGET_ARN,
            RoleArn: ROLE_ARN,
            Input: '{"name":"one-retry"}',
            RetryPolicy: { MaximumRetryAttempts: 1 },
            DeadLetterConfig: { Arn: "arn:aws:sqs:us-east-1:000000000000:reminders-dlq" },
          },
          ActionAfterCompletion: "DELETE",
        }),
      ),
    );
    await client.send(new CreateScheduleCommand(schedule("default-retries", "2026-03-10T11:00:00")));

    const fired = await emulator.fireDue(new Date("2026-03-10T12:00:00Z"));
    expect(fired.map((f) => [f.scheduleName, f.attempts, f.outcome, f.error])).toEqual([
      ["one-retry", 2, "dead-lettered", "mailer down"],
      // AWS's default of 185 retries is capped to 3 locally, with no waiting in between.
      ["default-retries", 4, "dead-lettered", "mailer down"],
    ]);
    expect(attempts).toHaveLength(6);
    expect(emulator.deadLetters()).toEqual([
      {
        scheduleName: "one-retry",
        groupName: "default",
        targetArn: TARGET_ARN,
        input: '{"name":"one-retry"}',
        error: "mailer down",
        at: "2026-03-10T12:00:00.000Z",
        attempts: 2,
        deadLetterArn: "arn:aws:sqs:us-east-1:000000000000:reminders-dlq",
      },
      expect.objectContaining({ scheduleName: "default-retries", attempts: 4 }),
    ]);
    // Completed (even unsuccessfully) one-time schedules are deleted or spent, not retried later.
    expect(emulator.list().map((s) => s.Name)).toEqual(["default-retries"]);
    expect(await emulator.fireDue(new Date("2026-03-11T00:00:00Z"))).toEqual([]);
  });

  it("keeps schedules, fired state and dead letters across a restart with the same dataDir", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const failing: InvokeTarget = async () => {
      throw new Error("boom");
    };

    const before = await start({ dataDir: dir.path, invoke: failing });
    await before.client.send(new CreateScheduleCommand(schedule("spent", "2026-03-10T10:00:00")));
    await before.client.send(new CreateScheduleCommand(schedule("pending", "2026-03-20T10:00:00")));
    await before.emulator.fireDue(new Date("2026-03-10T10:00:00Z"));
    await before.emulator.stop();
    running.splice(running.indexOf(before.emulator), 1);

    const after = await start({ dataDir: dir.path });
    expect((await after.client.send(new GetScheduleCommand({ Name: "pending" }))).ScheduleExpression).toBe(
      "at(2026-03-20T10:00:00)",
    );
    expect(after.emulator.deadLetters()).toMatchObject([{ scheduleName: "spent", error: "boom" }]);
    const fired = await after.emulator.fireDue(new Date("2026-03-20T10:00:00Z"));
    expect(fired.map((f) => f.scheduleName)).toEqual(["pending"]);
    expect(after.invocations).toHaveLength(1);
  });
});

describe("scheduler emulator across a kill -9", () => {
  it("fires again, after a restart, a schedule whose invoke never completed (at-least-once, as AWS)", async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    let started!: () => void;
    const invokeStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    // The process "dies" mid-invoke: the target never returns.
    const hangs: InvokeTarget = () => {
      started();
      return new Promise(() => undefined);
    };
    const before = await start({ dataDir: dir.path, invoke: hangs });
    await before.client.send(
      new CreateScheduleCommand(
        schedule("mid-invoke", "2026-03-10T10:00:00", { ActionAfterCompletion: "DELETE" }),
      ),
    );
    void before.emulator.fireDue(new Date("2026-03-10T10:00:00Z"));
    await invokeStarted;

    // What a restart reads is the data dir as the killed process left it.
    const after = await start({ dataDir: dir.path });
    const fired = await after.emulator.fireDue(new Date("2026-03-10T10:00:00Z"));
    expect(fired.map((f) => [f.scheduleName, f.outcome])).toEqual([["mid-invoke", "succeeded"]]);
    expect(after.invocations).toEqual([
      { targetArn: TARGET_ARN, input: JSON.stringify({ name: "mid-invoke" }) },
    ]);
    // Completed now: deleted as its ActionAfterCompletion says, and never fired a third time.
    expect(after.emulator.list()).toEqual([]);
    expect(await after.emulator.fireDue(new Date("2026-03-11T00:00:00Z"))).toEqual([]);
  });
});

/** One turn of the event loop: every promise chain that could move on without the held targets has. */
const everythingElseRan = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A target whose invocations wait until the test lets them finish: it sees how many run at once, and in
 * which order they started, with no timing involved.
 */
function heldTarget() {
  const started: string[] = [];
  const release = new Map<string, () => void>();
  let active = 0;
  let mostAtOnce = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  const invoke: InvokeTarget = async (_arn, input) => {
    const { name } = JSON.parse(input) as { name: string };
    started.push(name);
    active += 1;
    mostAtOnce = Math.max(mostAtOnce, active);
    if (waiter && started.length >= waiter.count) waiter.resolve();
    await new Promise<void>((resolve) => release.set(name, resolve));
    active -= 1;
  };
  return {
    invoke,
    started,
    active: () => active,
    mostAtOnce: () => mostAtOnce,
    /** Resolves once `count` invocations have started in all. */
    startedCount: (count: number) =>
      new Promise<void>((resolve) => {
        if (started.length >= count) resolve();
        else waiter = { count, resolve };
      }),
    finish: (name: string) => {
      const done = release.get(name);
      if (!done) throw new Error(`${name} is not running`);
      release.delete(name);
      done();
    },
    running: () => [...release.keys()],
  };
}

describe("scheduler emulator firing a burst due at one instant", () => {
  it("runs at most 5 invocations at once (send-reminder's reserved concurrency), and returns only when all completed", async () => {
    const target = heldTarget();
    const { emulator, client } = await start({ invoke: target.invoke });
    const names = Array.from({ length: 12 }, (_, n) => `r${String(n).padStart(2, "0")}`);
    for (const name of names) {
      await client.send(
        new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00", { ActionAfterCompletion: "DELETE" })),
      );
    }
    let returned = false;
    const firing = emulator.fireDue(new Date("2026-03-10T10:00:00Z")).then((fired) => {
      returned = true;
      return fired;
    });

    await target.startedCount(5);
    expect(target.active()).toBe(5);
    // Finishing them out of order: each frees a place for the next one, never more than 5 at once.
    for (let n = 6; n <= names.length; n++) {
      target.finish(target.running().at(-1)!);
      await target.startedCount(n);
      expect(target.active()).toBe(5);
    }
    for (const name of target.running().slice(0, -1)) target.finish(name);
    await everythingElseRan();
    expect(returned).toBe(false);
    target.finish(target.running()[0]!);

    const fired = await firing;
    expect(target.mostAtOnce()).toBe(5);
    // Each fired once, reported in name order whatever order they completed in, and deleted after.
    expect([...target.started].sort()).toEqual(names);
    expect(fired.map((f) => [f.scheduleName, f.outcome])).toEqual(names.map((n) => [n, "succeeded"]));
    expect(emulator.list()).toEqual([]);
    expect(await emulator.fireDue(new Date("2026-03-11T00:00:00Z"))).toEqual([]);
  });

  it("fires strictly one at a time with concurrency 1", async () => {
    const target = heldTarget();
    const { emulator, client } = await start({ invoke: target.invoke, concurrency: 1 });
    for (const name of ["b", "a", "c"])
      await client.send(new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00")));
    const firing = emulator.fireDue(new Date("2026-03-10T10:00:00Z"));
    for (const [n, name] of ["a", "b", "c"].entries()) {
      await target.startedCount(n + 1);
      expect(target.running()).toEqual([name]);
      target.finish(name);
    }
    expect((await firing).map((f) => f.scheduleName)).toEqual(["a", "b", "c"]);
    expect(target.mostAtOnce()).toBe(1);
  });

  it("starts a later instant only once every firing of the earlier one has completed", async () => {
    const target = heldTarget();
    const { emulator, client } = await start({ invoke: target.invoke });
    for (const name of ["early-1", "early-2"])
      await client.send(new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00")));
    await client.send(new CreateScheduleCommand(schedule("late", "2026-03-10T10:01:00")));
    const firing = emulator.fireDue(new Date("2026-03-10T11:00:00Z"));

    await target.startedCount(2);
    expect(target.running().sort()).toEqual(["early-1", "early-2"]);
    target.finish("early-2");
    await everythingElseRan();
    expect(target.running()).toEqual(["early-1"]);
    target.finish("early-1");
    await target.startedCount(3);
    expect(target.running()).toEqual(["late"]);
    target.finish("late");
    expect((await firing).map((f) => f.scheduleName)).toEqual(["early-1", "early-2", "late"]);
  });

  it("never fires a schedule that another firing of its instant deleted, and fires a moved one once, at its new instant", async () => {
    let client: SchedulerClient | undefined;
    const started: string[] = [];
    let changed!: () => void;
    const aChangedThem = new Promise<void>((resolve) => {
      changed = resolve;
    });
    const { emulator, client: c } = await start({
      concurrency: 2,
      invoke: async (_arn, input) => {
        const { name } = JSON.parse(input) as { name: string };
        started.push(name);
        // Two at a time, and b holds its place until a is done: c and d have not started meanwhile.
        if (name === "b") await aChangedThem;
        if (name === "a") {
          await client?.send(new DeleteScheduleCommand({ Name: "c" }));
          await client?.send(new UpdateScheduleCommand(schedule("d", "2026-03-10T10:30:00")));
          changed();
        }
      },
    });
    client = c;
    for (const name of ["a", "b", "c", "d", "e"])
      await client.send(new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00")));
    const fired = await emulator.fireDue(new Date("2026-03-10T11:00:00Z"));
    expect(fired.map((f) => [f.scheduleName, f.dueAt])).toEqual([
      ["a", "2026-03-10T10:00:00.000Z"],
      ["b", "2026-03-10T10:00:00.000Z"],
      ["e", "2026-03-10T10:00:00.000Z"],
      ["d", "2026-03-10T10:30:00.000Z"],
    ]);
    expect([...started].sort()).toEqual(["a", "b", "d", "e"]);
    expect(emulator.list().map((s) => [s.Name, s.firedAt])).toEqual([
      ["a", "2026-03-10T11:00:00.000Z"],
      ["b", "2026-03-10T11:00:00.000Z"],
      ["d", "2026-03-10T11:00:00.000Z"],
      ["e", "2026-03-10T11:00:00.000Z"],
    ]);
  });

  it("retries and dead-letters each failing firing of a burst on its own", async () => {
    const attempts = new Map<string, number>();
    const { emulator, client } = await start({
      invoke: async (_arn, input) => {
        const { name } = JSON.parse(input) as { name: string };
        attempts.set(name, (attempts.get(name) ?? 0) + 1);
        // Every other one fails once, the last one every time.
        if (name === "r7" || (Number(name.slice(1)) % 2 === 1 && attempts.get(name) === 1))
          throw new Error(`${name} failed`);
      },
    });
    const names = Array.from({ length: 8 }, (_, n) => `r${n}`);
    for (const name of names)
      await client.send(
        new CreateScheduleCommand(schedule(name, "2026-03-10T10:00:00", { ActionAfterCompletion: "DELETE" })),
      );
    const fired = await emulator.fireDue(new Date("2026-03-10T10:00:00Z"));
    expect(fired.map((f) => [f.scheduleName, f.attempts, f.outcome])).toEqual([
      ["r0", 1, "succeeded"],
      ["r1", 2, "succeeded"],
      ["r2", 1, "succeeded"],
      ["r3", 2, "succeeded"],
      ["r4", 1, "succeeded"],
      ["r5", 2, "succeeded"],
      ["r6", 1, "succeeded"],
      ["r7", 4, "dead-lettered"],
    ]);
    expect(emulator.deadLetters()).toMatchObject([{ scheduleName: "r7", attempts: 4, error: "r7 failed" }]);
    expect(emulator.list()).toEqual([]);
  });
});
