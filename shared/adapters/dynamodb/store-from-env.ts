import { createTableClient } from "./client.js";
import { DynamoDbStore } from "./dynamodb-store.js";

/** The store a Lambda function uses: its table, and DynamoDB Local's endpoint when one is configured. */
export function storeFromEnv(env: {
  TABLE_NAME: string;
  DYNAMODB_ENDPOINT?: string | undefined;
}): DynamoDbStore {
  const client = createTableClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
  return new DynamoDbStore(client, env.TABLE_NAME);
}
