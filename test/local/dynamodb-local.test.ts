import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
} from "@aws-sdk/client-dynamodb";
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

  it("keeps tables in dataDir across restarts", async () => {
    const dir = await tempDir();
    stops.push(dir.remove);
    const client = (db: DynamoDbLocal) =>
      new DynamoDBClient({ endpoint: db.endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });

    const first = await startDynamoDbLocal({ port: await freePort(), dataDir: dir.path });
    stops.push(first.stop);
    const streamArn = await ensureTable(client(first), "clinic");
    await first.stop();

    const second = await startDynamoDbLocal({ port: await freePort(), dataDir: dir.path });
    stops.push(second.stop);
    expect((await client(second).send(new ListTablesCommand({}))).TableNames).toEqual(["clinic"]);
    // ensureTable is idempotent and returns the same stream.
    expect(await ensureTable(client(second), "clinic")).toBe(streamArn);
  });
});

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
