import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { withoutSdkLogging } from "../shared/adapters/aws/without-sdk-logging.js";

/**
 * A document client for tools and tests that read or write the table directly (fixtures, scans, a test
 * that corrupts an item on purpose). The functions never use one: the store sends through its own
 * client (shared/adapters/dynamodb/table-requests.ts). `client` must not be the store's: lib-dynamodb
 * throws on a client with cached middleware.
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(withoutSdkLogging(client), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
