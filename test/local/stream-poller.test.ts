import { join } from "node:path";
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { createStreamPoller, type StreamHandler, type StreamPoller } from "../../local/stream-poller.js";
import { type FreshTable, freshTable } from "../support/dynamodb.js";
import { services, TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";
import { tempDir } from "../support/temp-dir.js";

const pollers: StreamPoller[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

function poller(
  table: FreshTable,
  handler: StreamHandler,
  extra: { stateFile?: string; batchSize?: number } = {},
) {
  const created = createStreamPoller({
    endpoint: services().dynamodbEndpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    streamArn: table.streamArn,
    handler,
    ...extra,
  });
  pollers.push(created);
  return created;
}

function recorder() {
  const records: DynamoDBRecord[] = [];
  const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
    records.push(...event.Records);
  };
  return { records, handler };
}

const put = (table: FreshTable, sk: string, extra: Record<string, unknown> = {}) =>
  table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: "P#1", sk, ...extra } }));

describe("stream poller", () => {
  it("delivers INSERT, MODIFY and REMOVE in order, with Lambda-shaped images", async () => {
    const table = await freshTable();
    const { records, handler } = recorder();
    const subject = poller(table, handler);

    await put(table, "A#1", { status: "booked" });
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: "P#1", sk: "A#1" },
        UpdateExpression: "SET #s = :s",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":s": "cancelled" },
      }),
    );
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: "P#1", sk: "A#1" } }));

    expect(await subject.drain()).toBe(3);
    expect(records.map((r) => r.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    const [insert, modify, remove] = records;
    expect(insert).toMatchObject({
      eventSource: "aws:dynamodb",
      eventSourceARN: table.streamArn,
      awsRegion: TEST_REGION,
      dynamodb: {
        Keys: { pk: { S: "P#1" }, sk: { S: "A#1" } },
        NewImage: { pk: { S: "P#1" }, sk: { S: "A#1" }, status: { S: "booked" } },
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
    });
    expect(insert?.dynamodb?.OldImage).toBeUndefined();
    expect(typeof insert?.eventID).toBe("string");
    expect(typeof insert?.dynamodb?.SequenceNumber).toBe("string");
    expect(typeof insert?.dynamodb?.ApproximateCreationDateTime).toBe("number");
    expect(modify?.dynamodb?.OldImage?.status).toEqual({ S: "booked" });
    expect(modify?.dynamodb?.NewImage?.status).toEqual({ S: "cancelled" });
    expect(remove?.dynamodb?.OldImage?.status).toEqual({ S: "cancelled" });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();

    // Caught up: a second drain finds nothing and delivers nothing twice.
    expect(await subject.drain()).toBe(0);
    expect(records).toHaveLength(3);
  });

  it("keeps empty maps and lists as maps and lists (the streams client hands an empty map over as {})", async () => {
    const table = await freshTable();
    const { records, handler } = recorder();
    const subject = poller(table, handler);
    await put(table, "E#1", { bookings: {}, tags: [], nested: { inner: {} } });
    await subject.drain();
    expect(records[0]?.dynamodb?.NewImage).toMatchObject({
      bookings: { M: {} },
      tags: { L: [] },
      nested: { M: { inner: { M: {} } } },
    });
  });

  it("splits into batches of batchSize and keeps order across them", async () => {
    const table = await freshTable();
    const batches: number[] = [];
    const seen: string[] = [];
    const subject = poller(
      table,
      async (event) => {
        batches.push(event.Records.length);
        seen.push(...event.Records.map((r) => r.dynamodb?.Keys?.sk?.S ?? "?"));
      },
      { batchSize: 2 },
    );
    for (const sk of ["A#1", "A#2", "A#3", "A#4", "A#5"]) await put(table, sk);

    expect(await subject.drain()).toBe(5);
    expect(batches).toEqual([2, 2, 1]);
    expect(seen).toEqual(["A#1", "A#2", "A#3", "A#4", "A#5"]);
  });

  it("retries a throwing batch, then records it in failures() and moves on", async () => {
    const table = await freshTable();
    let calls = 0;
    const delivered: string[] = [];
    const subject = poller(table, async (event) => {
      calls += 1;
      const keys = event.Records.map((r) => r.dynamodb?.Keys?.sk?.S ?? "?");
      if (keys.includes("BAD")) throw new Error("poison record");
      delivered.push(...keys);
    });
    await put(table, "BAD");
    expect(await subject.drain()).toBe(1);
    expect(calls).toBe(3);
    expect(subject.failures()).toEqual([
      expect.objectContaining({ error: "Error: poison record", attempts: 3, records: [expect.anything()] }),
    ]);

    // Later records flow normally; the poisoned one is not retried again.
    await put(table, "GOOD");
    expect(await subject.drain()).toBe(1);
    expect(delivered).toEqual(["GOOD"]);
    expect(subject.failures()).toHaveLength(1);
  });

  it("on batchItemFailures, retries from the first failed record only", async () => {
    const table = await freshTable();
    const deliveries: string[][] = [];
    const subject = poller(table, async (event) => {
      deliveries.push(event.Records.map((r) => r.dynamodb?.Keys?.sk?.S ?? "?"));
      const failing = event.Records.find((r) => r.dynamodb?.Keys?.sk?.S === "A#2");
      return {
        batchItemFailures: failing ? [{ itemIdentifier: failing.dynamodb?.SequenceNumber ?? "" }] : [],
      };
    });
    for (const sk of ["A#1", "A#2", "A#3"]) await put(table, sk);

    expect(await subject.drain()).toBe(3);
    expect(deliveries).toEqual([
      ["A#1", "A#2", "A#3"],
      ["A#2", "A#3"],
      ["A#2", "A#3"],
    ]);
    const [failure] = subject.failures();
    expect(failure?.records.map((r) => r.dynamodb?.Keys?.sk?.S)).toEqual(["A#2", "A#3"]);
    expect(failure?.error).toContain("batchItemFailures");
  });

  it("resumes after its checkpoint when restarted with the same stateFile", async () => {
    const table = await freshTable();
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const stateFile = join(dir.path, "stream-state.json");

    const first = recorder();
    const before = poller(table, first.handler, { stateFile });
    await put(table, "A#1");
    await put(table, "A#2");
    expect(await before.drain()).toBe(2);
    await before.stop();

    await put(table, "A#3");
    const second = recorder();
    const after = poller(table, second.handler, { stateFile });
    expect(await after.drain()).toBe(1);
    expect(second.records.map((r) => r.dynamodb?.Keys?.sk?.S)).toEqual(["A#3"]);

    // Without the state file the same stream replays from the start, which is what the file prevents.
    const third = recorder();
    expect(await poller(table, third.handler).drain()).toBe(3);
  });

  it("serializes drain() with the background loop: every record is delivered exactly once", async () => {
    const table = await freshTable();
    const { records, handler } = recorder();
    const subject = poller(table, handler);
    subject.start(5);
    for (let i = 0; i < 10; i++) await put(table, `A#${i}`);
    await Promise.all([subject.drain(), subject.drain()]);
    await subject.stop();
    expect(records.map((r) => r.dynamodb?.Keys?.sk?.S)).toEqual(
      Array.from({ length: 10 }, (_, i) => `A#${i}`),
    );
  });

  it("processes records the handler itself writes within the same drain", async () => {
    const table = await freshTable();
    const seen: string[] = [];
    const subject = poller(table, async (event) => {
      for (const record of event.Records) {
        const sk = record.dynamodb?.Keys?.sk?.S ?? "?";
        seen.push(sk);
        if (record.eventName === "INSERT" && sk === "A#1") await put(table, "R#1");
      }
    });
    await put(table, "A#1");
    expect(await subject.drain()).toBe(2);
    expect(seen).toEqual(["A#1", "R#1"]);
  });
});
