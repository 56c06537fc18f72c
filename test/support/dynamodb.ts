import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ensureTable } from "../../local/create-table.js";
import { documentClient } from "../../shared/adapters/dynamodb/client.js";
import { services, TEST_CREDENTIALS, TEST_REGION } from "./services.js";

export interface FreshTable {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  streamArn: string;
}

/**
 * A new, uniquely named table on the shared DynamoDB Local, so test files never see each other's items.
 * Tables are not deleted: the instance is in memory and dies with the run.
 */
export async function freshTable(prefix = "test"): Promise<FreshTable> {
  const client = new DynamoDBClient({
    endpoint: services().dynamodbEndpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
  const tableName = `${prefix}-${randomUUID()}`;
  const streamArn = await ensureTable(client, tableName);
  // The document client as deployed (shared/adapters/dynamodb/client.ts): the same marshalling, and without
  // the SDK's logger middleware, which deep-copies every request through its filter.
  const doc = documentClient(client);
  return { client, doc, tableName, streamArn };
}
