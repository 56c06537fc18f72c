import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { GSI_NAMES, TABLE_KEYS } from "../shared/adapters/dynamodb/table-keys.js";
import { waitUntil } from "./wait-until.js";

/**
 * Creates the single table (keys from table-keys.ts, as in the CDK stack) unless it exists, waits for
 * ACTIVE and returns its stream ARN, which the stream poller needs.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<string> {
  const existing = await describe(client, tableName);
  if (!existing) {
    const keyNames = [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...GSI_NAMES.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
    ];
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: "PAY_PER_REQUEST",
          AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: "S" })),
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
          ],
          GlobalSecondaryIndexes: GSI_NAMES.map((gsi) => ({
            IndexName: gsi.indexName,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: "HASH" },
              { AttributeName: gsi.sortKey, KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          })),
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
        }),
      );
    } catch (error) {
      // Another process (e.g. a second `npm start`) created it between our describe and create.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    // DynamoDB Local is ACTIVE at once; the SDK waiter's 1 s minimum delay would slow every test file.
    await waitUntil(async () => (await describe(client, tableName))?.TableStatus === "ACTIVE", {
      timeoutMs: 60_000,
      what: `table ${tableName}`,
    });
    await enableTtl(client, tableName);
  }
  const table = await describe(client, tableName);
  const streamArn = table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream; recreate it (delete .local/) and retry`);
  return streamArn;
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** DynamoDB Local accepts the TTL setting (it may not expire items); tolerate emulators that refuse it. */
async function enableTtl(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (error instanceof Error && /TimeToLive|not supported|already enabled/i.test(error.message)) return;
    throw error;
  }
}
