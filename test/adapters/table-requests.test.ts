import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../local/document-client.js";
import { TableRequests } from "../../shared/adapters/dynamodb/table-requests.js";
import { type FreshTable, freshTable } from "../support/dynamodb.js";

/**
 * The store's requests go through a client whose middleware the SDK resolves once per command type
 * (`cacheMiddleware`), with util-dynamodb doing what the document client did. These check the two
 * things that could go wrong: a cached handler answering with an earlier request's input, and
 * marshalling that differs from the document client's.
 */
let table: FreshTable;
let requests: TableRequests;
beforeAll(async () => {
  table = await freshTable("requests");
  requests = new TableRequests(table.storeClient);
});

const key = (pk: string) => ({ pk, sk: "ITEM" });

describe("TableRequests over a client with cached middleware", () => {
  it("sends each request's own input, request after request of the same command", async () => {
    for (const n of [1, 2, 3])
      await requests.put({ TableName: table.tableName, Item: { ...key(`each-${n}`), n } });
    for (const n of [3, 1, 2]) {
      const { Item } = await requests.get({
        TableName: table.tableName,
        Key: key(`each-${n}`),
        ConsistentRead: true,
      });
      expect(Item?.n).toBe(n);
    }
    expect(table.storeClient.config.cacheMiddleware).toBe(true);
  });

  it("writes and reads items as the document client did: plain values, undefined left out", async () => {
    const item = {
      ...key("shape"),
      text: "Ana",
      count: 3,
      ratio: 0.5,
      flag: false,
      nothing: null,
      missing: undefined,
      nested: { list: [1, "two", { three: 3 }], empty: {} },
    };
    await requests.put({ TableName: table.tableName, Item: item });
    const { missing: _, ...expected } = item;
    const { Item } = await requests.get({
      TableName: table.tableName,
      Key: key("shape"),
      ConsistentRead: true,
    });
    expect(Item).toEqual(expected);
    // What the document client reads back from the same item is the same.
    const viaDoc = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: key("shape"), ConsistentRead: true }),
    );
    expect(viaDoc.Item).toEqual(expected);
  });

  it("refuses a class instance rather than writing it as a map", async () => {
    await expect(
      requests.put({ TableName: table.tableName, Item: { ...key("date"), at: new Date(0) } }),
    ).rejects.toThrow();
    const { Item } = await requests.get({
      TableName: table.tableName,
      Key: key("date"),
      ConsistentRead: true,
    });
    expect(Item).toBeUndefined();
  });

  it("updates with expression values and returns the new item", async () => {
    await requests.put({ TableName: table.tableName, Item: { ...key("update"), version: 1 } });
    const { Attributes } = await requests.update({
      TableName: table.tableName,
      Key: key("update"),
      UpdateExpression: "SET #v = :next, tags = :tags",
      ConditionExpression: "#v = :read",
      ExpressionAttributeNames: { "#v": "version" },
      ExpressionAttributeValues: { ":read": 1, ":next": 2, ":tags": ["a", "b"] },
      ReturnValues: "ALL_NEW",
    });
    expect(Attributes).toEqual({ ...key("update"), version: 2, tags: ["a", "b"] });
  });

  it("pages a query with the start key it handed back", async () => {
    const pk = "PAGED";
    for (const n of [1, 2, 3, 4, 5])
      await requests.put({ TableName: table.tableName, Item: { pk, sk: `S#${n}`, n } });
    const seen: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await requests.query({
        TableName: table.tableName,
        KeyConditionExpression: "pk = :p",
        ExpressionAttributeValues: { ":p": pk },
        Limit: 2,
        ExclusiveStartKey: start,
      });
      seen.push(...page.Items.map((i) => i.n));
      start = page.LastEvaluatedKey;
      pages++;
    } while (start);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBe(3);
  });

  it("reads several items in one batch", async () => {
    for (const n of [1, 2])
      await requests.put({ TableName: table.tableName, Item: { ...key(`batch-${n}`), n } });
    const { items, unprocessedKeys } = await requests.batchGet(table.tableName, {
      Keys: [key("batch-1"), key("batch-2"), key("batch-none")],
      ConsistentRead: true,
    });
    expect(items.map((i) => i.n).sort()).toEqual([1, 2]);
    expect(unprocessedKeys).toEqual([]);
  });

  it("writes a transaction whole, or not at all when one guard fails", async () => {
    await requests.put({ TableName: table.tableName, Item: { ...key("tx-old"), version: 1 } });
    await requests.put({ TableName: table.tableName, Item: { ...key("tx-gone"), version: 1 } });
    let written = 0;
    const actions = (read: number) => [
      {
        Put: {
          TableName: table.tableName,
          Item: key(`tx-new-${++written}`),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      {
        Update: {
          TableName: table.tableName,
          Key: key("tx-old"),
          UpdateExpression: "SET #v = :next",
          ConditionExpression: "#v = :read",
          ExpressionAttributeNames: { "#v": "version" },
          ExpressionAttributeValues: { ":read": read, ":next": read + 1 },
        },
      },
      {
        ConditionCheck: {
          TableName: table.tableName,
          Key: key("tx-absent"),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      { Delete: { TableName: table.tableName, Key: key("tx-gone") } },
    ];
    await requests.transactWrite(actions(1));
    const gone = await requests.get({
      TableName: table.tableName,
      Key: key("tx-gone"),
      ConsistentRead: true,
    });
    expect(gone.Item).toBeUndefined();
    const stale = requests.transactWrite(actions(1));
    await expect(stale).rejects.toBeInstanceOf(TransactionCanceledException);
    const reasons = ((await stale.catch((e) => e)) as TransactionCanceledException).CancellationReasons;
    expect(reasons?.map((r) => r.Code)).toEqual(["None", "ConditionalCheckFailed", "None", "None"]);
    const { Item } = await requests.get({
      TableName: table.tableName,
      Key: key("tx-old"),
      ConsistentRead: true,
    });
    expect(Item?.version).toBe(2);
  });

  it("cannot be wrapped in lib-dynamodb's document client, whose commands a cached handler would replay", () => {
    expect(() => documentClient(table.storeClient)).toThrow(/cacheMiddleware/);
  });
});
