import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { withoutSdkLogging } from "../aws/without-sdk-logging.js";

/**
 * The client the store sends through (table-requests.ts), one per process, built once at cold start.
 * `cacheMiddleware`: the SDK resolves the middleware stack once per command type instead of on every
 * request. Middleware added to this client after its first request of a type is not seen by that type,
 * so anything that watches it (the benchmark's counters) is added before. Do not wrap it in a
 * `DynamoDBDocumentClient`: lib-dynamodb refuses the option (it throws), and rightly, as its commands
 * are bound to the handler they resolve.
 */
export function createTableClient(config: DynamoDBClientConfig = {}): DynamoDBClient {
  return withoutSdkLogging(new DynamoDBClient({ ...config, cacheMiddleware: true }));
}
