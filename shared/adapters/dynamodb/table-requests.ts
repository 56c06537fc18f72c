import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type {
  BatchGetCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";

/** An item as the store reads and writes it: plain JavaScript values. */
export type Item = Record<string, unknown>;
type Marshalled = Record<string, AttributeValue>;

export type TransactAction = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
export type { QueryCommandInput, UpdateCommandInput };

/**
 * The six DynamoDB requests the store sends, in the document client's shapes (plain values in, plain
 * values out), marshalled with `@aws-sdk/util-dynamodb` and sent through one low-level client.
 *
 * Why not `@aws-sdk/lib-dynamodb`'s document client: it refuses the SDK's `cacheMiddleware` option
 * (its commands bind the request to the resolved handler), so every request re-resolves and sorts the
 * client's whole middleware stack, and its translation walks every input and output once more before
 * marshalling. With the client built by `createTableClient` (cached middleware) a GetItem costs about a
 * third less CPU and a 54-item transaction a fifth less (bench/README.md, "API CPU per request"). The
 * marshalling options are the ones the document client was given: undefined attributes are left out, and
 * a class instance (a Date, say) is an error rather than a silently written map.
 */
export class TableRequests {
  constructor(private readonly client: DynamoDBClient) {}

  async get(input: GetCommandInput): Promise<{ Item?: Item }> {
    const out = await this.client.send(new GetItemCommand({ ...input, Key: toAttributes(input.Key) }));
    return out.Item ? { Item: unmarshall(out.Item) } : {};
  }

  async put(input: PutCommandInput): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        ...input,
        Item: toAttributes(input.Item),
        ExpressionAttributeValues: toValues(input.ExpressionAttributeValues),
      }),
    );
  }

  async update(input: UpdateCommandInput): Promise<{ Attributes?: Item }> {
    const out = await this.client.send(
      new UpdateItemCommand({
        ...input,
        Key: toAttributes(input.Key),
        ExpressionAttributeValues: toValues(input.ExpressionAttributeValues),
      }),
    );
    return out.Attributes ? { Attributes: unmarshall(out.Attributes) } : {};
  }

  async query(input: QueryCommandInput): Promise<{ Items: Item[]; Count?: number; LastEvaluatedKey?: Item }> {
    const out = await this.client.send(
      new QueryCommand({
        ...input,
        ExpressionAttributeValues: toValues(input.ExpressionAttributeValues),
        ExclusiveStartKey: toValues(input.ExclusiveStartKey),
      }),
    );
    return {
      Items: (out.Items ?? []).map((item) => unmarshall(item)),
      ...(out.Count !== undefined ? { Count: out.Count } : {}),
      ...(out.LastEvaluatedKey ? { LastEvaluatedKey: unmarshall(out.LastEvaluatedKey) } : {}),
    };
  }

  /** One table's items by key: what came back, and the keys DynamoDB left unprocessed. */
  async batchGet(
    tableName: string,
    request: Omit<NonNullable<BatchGetCommandInput["RequestItems"]>[string], "Keys"> & { Keys: Item[] },
  ): Promise<{ items: Item[]; unprocessedKeys: Item[] }> {
    const out = await this.client.send(
      new BatchGetItemCommand({
        RequestItems: { [tableName]: { ...request, Keys: request.Keys.map(toAttributes) } },
      }),
    );
    return {
      items: (out.Responses?.[tableName] ?? []).map((item) => unmarshall(item)),
      unprocessedKeys: (out.UnprocessedKeys?.[tableName]?.Keys ?? []).map((key) => unmarshall(key)),
    };
  }

  async transactWrite(actions: TransactAction[]): Promise<void> {
    await this.client.send(new TransactWriteItemsCommand({ TransactItems: actions.map(toTransactItem) }));
  }
}

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

function toAttributes(item: Item | undefined): Marshalled {
  return marshall(item ?? {}, MARSHALL);
}

/** Expression values and start keys are optional: left out when absent, as the SDK expects. */
function toValues(values: Item | undefined): Marshalled | undefined {
  return values === undefined ? undefined : marshall(values, MARSHALL);
}

/** An Update's, a Delete's or a ConditionCheck's key and expression values, marshalled. */
function keyed<T extends { Key: Item | undefined; ExpressionAttributeValues?: Item | undefined }>(part: T) {
  return {
    ...part,
    Key: toAttributes(part.Key),
    ExpressionAttributeValues: toValues(part.ExpressionAttributeValues),
  };
}

function toTransactItem(action: TransactAction) {
  const { Put, Update, Delete, ConditionCheck } = action;
  if (Put) {
    const { Item, ExpressionAttributeValues } = Put;
    return {
      Put: {
        ...Put,
        Item: toAttributes(Item),
        ExpressionAttributeValues: toValues(ExpressionAttributeValues),
      },
    };
  }
  if (Update) return { Update: keyed(Update) };
  if (Delete) return { Delete: keyed(Delete) };
  if (ConditionCheck) return { ConditionCheck: keyed(ConditionCheck) };
  throw new Error("a transaction action needs one of Put, Update, Delete or ConditionCheck");
}
