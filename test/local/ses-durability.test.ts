import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../local/free-port.js";
import { createSesEventPump } from "../../local/ses/ses-event-pump.js";
import { type SesEmulator, startSesEmulator } from "../../local/ses-emulator.js";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";
import { tempDir } from "../support/temp-dir.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(dataDir: string): Promise<SesEmulator> {
  const ses = await startSesEmulator({ port: await freePort(), dataDir });
  cleanups.push(() => ses.stop());
  return ses;
}

/** SIGKILL, as `kill -9` of the whole process group would, and wait until the port is free again. */
async function kill(ses: SesEmulator) {
  process.kill(ses.pid, "SIGKILL");
  await ses.stop();
}

async function send(ses: SesEmulator, to: string, tags: Record<string, string>, configurationSet = "clinic") {
  const client = new SESv2Client({
    endpoint: ses.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
  const out = await client.send(
    new SendEmailCommand({
      FromEmailAddress: "reminders@clinic.local",
      Destination: { ToAddresses: [to] },
      ConfigurationSetName: configurationSet,
      EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      Content: {
        Simple: { Subject: { Data: "Your appointment" }, Body: { Text: { Data: "See you on Tuesday." } } },
      },
    }),
  );
  client.destroy();
  return out.MessageId as string;
}

async function dataDir() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

describe("SES emulator across a kill -9", { timeout: 120_000 }, () => {
  it("keeps its inbox: every email it accepted is there after a restart on the same data dir", async () => {
    const dir = await dataDir();
    const first = await emulator(dir);
    const ids = [
      await send(first, "a@example.com", { reminderId: "r1" }),
      await send(first, "b@example.com", {}),
    ];
    await kill(first);

    const second = await emulator(dir);
    expect((await second.store()).map((e) => e.messageId)).toEqual(ids);
    await second.clear();
    await kill(second);
    const third = await emulator(dir);
    expect(await third.store()).toEqual([]);
  });

  it("publishes a Send event with the email's tags, after the restart for an email accepted before the kill", async () => {
    const dir = await dataDir();
    const first = await emulator(dir);
    const messageId = await send(first, "a@example.com", {
      reminderId: "r1",
      appointmentId: "a1",
      claimId: "c1",
    });
    await send(first, "other@example.com", { reminderId: "r2" }, "another-stack");
    await kill(first);

    const second = await emulator(dir);
    const events: unknown[] = [];
    const stateFile = `${dir}/events-state.json`;
    const pump = () =>
      createSesEventPump({
        endpoint: second.endpoint,
        configurationSet: "clinic",
        stateFile,
        handler: async (event) => {
          events.push(event);
        },
      });
    expect(await pump().drain()).toBe(1);
    expect(events).toEqual([
      {
        "detail-type": "Email Sent",
        source: "aws.ses",
        detail: {
          eventType: "Send",
          mail: {
            messageId,
            destination: ["a@example.com"],
            tags: { reminderId: ["r1"], appointmentId: ["a1"], claimId: ["c1"] },
          },
        },
      },
    ]);
    // Delivered once the handler returned: a restarted pump has nothing left.
    expect(await pump().drain()).toBe(0);
  });

  it("delivers again an event whose handler did not finish before the kill (at least once)", async () => {
    const dir = await dataDir();
    const ses = await emulator(dir);
    await send(ses, "bounce@simulator.amazonses.com", { patientId: "p1" });
    const stateFile = `${dir}/events-state.json`;
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    void createSesEventPump({
      endpoint: ses.endpoint,
      configurationSet: "clinic",
      stateFile,
      handler: () => {
        started();
        return new Promise(() => undefined);
      },
    }).drain();
    await handlerStarted;

    const types: string[] = [];
    const restarted = createSesEventPump({
      endpoint: ses.endpoint,
      configurationSet: "clinic",
      stateFile,
      handler: async (event) => {
        types.push((event as { detail: { eventType: string } }).detail.eventType);
      },
    });
    expect(await restarted.drain()).toBe(1);
    expect(types).toEqual(["Send", "Bounce"]);
  });
});
