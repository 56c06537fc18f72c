import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { withoutSdkLogging } from "../aws/without-sdk-logging.js";

/** One document client per process: built once at cold start and shared by every request. */
export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return documentClient(new DynamoDBClient(config));
}

/** The document client the store expects, over a client built elsewhere (the local stack's). */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(withoutSdkLogging(client), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
