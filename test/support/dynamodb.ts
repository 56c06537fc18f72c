import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ensureTable } from "../../local/create-table.js";
import { documentClient } from "../../local/document-client.js";
import { createTableClient } from "../../shared/adapters/dynamodb/client.js";
import { services, TEST_CREDENTIALS, TEST_REGION } from "./services.js";

export interface FreshTable {
  client: DynamoDBClient;
  /** For reading and writing items directly (fixtures, corrupting one on purpose). */
  doc: DynamoDBDocumentClient;
  /** For a store: a client of its own, built as the functions build theirs (cached middleware). */
  storeClient: DynamoDBClient;
  tableName: string;
  streamArn: string;
}

/**
 * A new, uniquely named table on the shared DynamoDB Local, so test files never see each other's items.
 * Tables are not deleted: the instance is in memory and dies with the run.
 */
export async function freshTable(prefix = "test"): Promise<FreshTable> {
  const config = {
    endpoint: services().dynamodbEndpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  };
  const client = new DynamoDBClient(config);
  const tableName = `${prefix}-${randomUUID()}`;
  const streamArn = await ensureTable(client, tableName);
  const doc = documentClient(client);
  const storeClient = createTableClient(config);
  return { client, doc, storeClient, tableName, streamArn };
}
