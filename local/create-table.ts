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
  await createTable(client, tableName, AS_DEPLOYED);
  const table = await describe(client, tableName);
  const streamArn = table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream; recreate it (delete .local/) and retry`);
  return streamArn;
}

/** What a table carries besides its items; the app needs both (the benchmark measures without them). */
export interface TableFeatures {
  /** The three GSIs of table-keys.ts. */
  indexes: boolean;
  /** A NEW_AND_OLD_IMAGES stream, which schedule-sync reads. */
  stream: boolean;
}

const AS_DEPLOYED: TableFeatures = { indexes: true, stream: true };

/** Creates the table unless it exists and waits for ACTIVE. */
export async function createTable(
  client: DynamoDBClient,
  tableName: string,
  features: TableFeatures,
): Promise<void> {
  const existing = await describe(client, tableName);
  if (!existing) {
    const gsis = features.indexes ? GSI_NAMES : [];
    const keyNames = [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...gsis.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
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
          ...(gsis.length > 0
            ? {
                GlobalSecondaryIndexes: gsis.map((gsi) => ({
                  IndexName: gsi.indexName,
                  KeySchema: [
                    { AttributeName: gsi.partitionKey, KeyType: "HASH" as const },
                    { AttributeName: gsi.sortKey, KeyType: "RANGE" as const },
                  ],
                  Projection: { ProjectionType: "ALL" as const },
                })),
              }
            : {}),
          ...(features.stream
            ? { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" as const } }
            : {}),
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
