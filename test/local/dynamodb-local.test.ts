import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ScanCommand,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { afterEach, describe, expect, it } from "vitest";
import { createTable, ensureTable } from "../../local/create-table.js";
import {
  assertJava,
  type DynamoDbLocal,
  JAVA_REQUIRED_MESSAGE,
  javaMajorVersion,
  startDynamoDbLocal,
} from "../../local/dynamodb-local.js";
import { assertPortFree, freePort } from "../../local/free-port.js";
import { freshTable } from "../support/dynamodb.js";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";
import { tempDir } from "../support/temp-dir.js";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Last in, first out: stop DynamoDB Local before removing the directory it writes to.
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function occupy(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("DynamoDB Local startup", () => {
  it("refuses a taken port with a message that says what to change", async () => {
    const port = await occupy();
    await expect(startDynamoDbLocal({ port })).rejects.toThrow(
      `port ${port} (DynamoDB Local) is taken; set DYNAMODB_PORT to another port`,
    );
    await expect(assertPortFree(port, "API")).rejects.toThrow(`port ${port} (API) is taken; set PORT`);
    await expect(assertPortFree(await freePort(), "API")).resolves.toBeUndefined();
  });

  it("says how to install Java when it is missing or too old", async () => {
    await expect(assertJava("/nonexistent/java")).rejects.toThrow(JAVA_REQUIRED_MESSAGE);
    await expect(assertJava()).resolves.toBeUndefined();
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorVersion("garbage")).toBeUndefined();
  });

  /** DynamoDB Local on a fresh data dir with the table in it, and a client for any instance. */
  async function persistentTable() {
    const dir = await tempDir();
    stops.push(dir.remove);
    const client = (db: DynamoDbLocal) =>
      new DynamoDBClient({ endpoint: db.endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
    const first = await startDynamoDbLocal({ port: await freePort(), dataDir: dir.path });
    stops.push(first.stop);
    const streamArn = await ensureTable(client(first), "clinic");
    return { dir, client, first, streamArn };
  }

  it("keeps tables in dataDir across restarts", async () => {
    const { dir, client, first, streamArn } = await persistentTable();
    await first.stop();

    const second = await startDynamoDbLocal({ port: await freePort(), dataDir: dir.path });
    stops.push(second.stop);
    expect((await client(second).send(new ListTablesCommand({}))).TableNames).toEqual(["clinic"]);
    // ensureTable is idempotent and returns the same stream.
    expect(await ensureTable(client(second), "clinic")).toBe(streamArn);
    // Two JVM starts: room for a loaded 2-core machine.
  }, 90_000);

  // Measured: DynamoDB Local answers a write a few milliseconds before it is on disk. Killed within that
  // window, the last acknowledged transaction is gone, items and stream records alike; 20 ms after the
  // answer, nothing was lost (0, 20, 100, 500, 1500 ms tried). So the system must converge without it.
  it("keeps a transaction and its stream records together across a SIGKILL of the JVM, losing at most the last ones in flight", async () => {
    const { dir, client, first, streamArn } = await persistentTable();
    const transactions = 40;
    // Four writers at once, as the API's requests are, the kill right after the last acknowledgement.
    await Promise.all(
      [0, 1, 2, 3].map(async (writer) => {
        for (let i = writer; i < transactions; i += 4) {
          await client(first).send(
            new TransactWriteItemsCommand({
              TransactItems: ["APPT", "REM#1"].map((sk) => ({
                Put: { TableName: "clinic", Item: { pk: { S: `APPT#${i}` }, sk: { S: sk } } },
              })),
            }),
          );
        }
      }),
    );
    process.kill(first.pid, "SIGKILL");
    await first.stop();

    const second = await startDynamoDbLocal({ port: await freePort(), dataDir: dir.path });
    stops.push(second.stop);
    const items =
      (await client(second).send(new ScanCommand({ TableName: "clinic", Select: "COUNT" }))).Count ?? 0;
    // Whole transactions: never an item without its partner, never an item without its stream record.
    expect(items % 2).toBe(0);
    expect(await streamRecordCount(second.endpoint, streamArn)).toBe(items);
    // At most the four writers' last transactions, those acknowledged just before the kill, are gone.
    expect(items).toBeGreaterThanOrEqual(2 * (transactions - 4));
  }, 90_000);
});

async function streamRecordCount(endpoint: string, streamArn: string): Promise<number> {
  const streams = new DynamoDBStreamsClient({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  let count = 0;
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      )
    ).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      count += page.Records?.length ?? 0;
      if (!page.Records?.length) break;
      iterator = page.NextShardIterator;
    }
  }
  streams.destroy();
  return count;
}

describe("ensureTable", () => {
  it("creates the single table with its keys, four GSIs, stream and TTL", async () => {
    const { client, tableName, streamArn } = await freshTable();
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe("ACTIVE");
    expect(Table?.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
    expect(Table?.LatestStreamArn).toBe(streamArn);
    const indexes = (Table?.GlobalSecondaryIndexes ?? [])
      .map((index) => ({
        name: index.IndexName,
        keys: index.KeySchema?.map((key) => key.AttributeName),
        projection: index.Projection?.ProjectionType,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(indexes).toEqual([
      { name: "gsi1", keys: ["gsi1pk", "gsi1sk"], projection: "ALL" },
      { name: "gsi2", keys: ["gsi2pk", "gsi2sk"], projection: "ALL" },
      { name: "gsi3", keys: ["gsi3pk", "gsi3sk"], projection: "ALL" },
      { name: "gsi4", keys: ["gsi4pk", "gsi4sk"], projection: "ALL" },
    ]);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: "ttl", TimeToLiveStatus: "ENABLED" });
  });

  it("can leave out the indexes and the stream (the benchmark's bare table), keeping keys and TTL", async () => {
    const { client } = await freshTable();
    const tableName = `bare-${randomUUID()}`;
    await createTable(client, tableName, { indexes: false, stream: false });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe("ACTIVE");
    expect(Table?.KeySchema?.map((key) => key.AttributeName)).toEqual(["pk", "sk"]);
    expect(Table?.AttributeDefinitions?.map((a) => a.AttributeName).sort()).toEqual(["pk", "sk"]);
    expect(Table?.GlobalSecondaryIndexes ?? []).toEqual([]);
    expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(Table?.LatestStreamArn).toBeUndefined();
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: "ttl", TimeToLiveStatus: "ENABLED" });
    // ensureTable refuses a table without the stream the app needs, rather than run without reminders.
    await expect(ensureTable(client, tableName)).rejects.toThrow(/has no stream/);
  });
});
