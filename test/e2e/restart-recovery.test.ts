import { afterEach, describe, expect, it } from "vitest";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";
import { tempDir } from "../support/temp-dir.js";

const stacks: LocalStackHarness[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((h) => h.stack.stop()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

// Each test starts two whole stacks: room for a loaded 2-core machine.
/** Two lives of one local stack on one data dir and table; the first "dies" where the test says. */
async function persistentStack() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  const options = { dataDir: dir.path, tableName: `recovery-${crypto.randomUUID()}` };
  // Once dying, send-reminder never returns: the process is killed mid-send.
  let dying = false;
  const first = await localStackHarness({
    ...options,
    wrapSendReminder: (send) => (input) => (dying ? new Promise(() => undefined) : send(input)),
  });
  stacks.push(first);
  return {
    first,
    die: () => {
      dying = true;
    },
    /** Stops what a kill would stop (servers, poller), leaving the data dir as the kill left it. */
    restart: async () => {
      await first.stack.stop();
      stacks.splice(stacks.indexOf(first), 1);
      const second = await localStackHarness(options);
      stacks.push(second);
      return second;
    },
  };
}

/** An eligible patient's single IV session on 9 December: a confirmation now, two reminders before it. */
async function bookIvSession(h: LocalStackHarness) {
  const patient = await h.eligiblePatient(["iv-ketamine"]);
  const booked = await h.call("POST", "/appointments", {
    patientId: patient.id,
    service: "iv-ketamine",
    start: "2026-12-09T10:00:00-05:00",
  });
  return { patient, booked };
}

describe("npm start's start-up recovery", () => {
  it("sends, after a restart, a reminder handed to the async invoke before the kill", async () => {
    const { first, die, restart } = await persistentStack();
    const { patient, booked } = await bookIvSession(first);
    die();
    // schedule-sync hands the due confirmation to the async invoke, and the checkpoint moves past it.
    await first.stack.poller.drain();
    const before = (await first.emailsTo(patient.email)).length;

    const second = await restart();
    const reminders = (await second.call("GET", `/appointments/${booked.body.id}`)).body.reminders;
    const confirmation = reminders.find((r: { kind: string }) => r.kind === "confirmation");
    expect(confirmation.status).toBe("sent");
    expect((await second.emailsTo(patient.email)).length).toBe(before + 1);
  }, 120_000);

  it("fires, on start, what was due at the saved clock: a kill between moving the clock and firing", async () => {
    const { first, restart } = await persistentStack();
    const { booked } = await bookIvSession(first);
    await first.stack.settle();
    // The clock is saved, then the process dies before anything fires.
    first.stack.clock.set(new Date("2026-12-08T16:00:00Z"));

    const second = await restart();
    const reminders = (await second.call("GET", `/appointments/${booked.body.id}`)).body.reminders;
    expect(reminders.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([
      ["confirmation", "sent"],
      ["preparation", "sent"],
      ["reminder", "sent"],
    ]);
  }, 120_000);
});
