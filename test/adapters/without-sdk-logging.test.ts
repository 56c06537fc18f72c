import { Readable } from "node:stream";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it, vi } from "vitest";
import { withoutSdkLogging } from "../../shared/adapters/aws/without-sdk-logging.js";
import { createTableClient } from "../../shared/adapters/dynamodb/client.js";

/** A client whose every request gets an empty ListTables answer, and whose logger records calls. */
function clientWithLogger() {
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const client = new DynamoDBClient({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    logger,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { "content-type": "application/x-amz-json-1.0" },
          body: Readable.from([Buffer.from('{"TableNames":[]}')]),
        },
      }),
    },
  });
  return { client, logger };
}

describe("withoutSdkLogging", () => {
  it("leaves the SDK nothing to log requests with, even when a logger is configured", async () => {
    const plain = clientWithLogger();
    await plain.client.send(new ListTablesCommand({}));
    // The SDK's own logger middleware hands every request to the logger (this is what we take out).
    expect(plain.logger.info).toHaveBeenCalledTimes(1);

    const quiet = clientWithLogger();
    withoutSdkLogging(quiet.client);
    await quiet.client.send(new ListTablesCommand({}));
    expect(quiet.logger.info).not.toHaveBeenCalled();
  });

  it("is applied to the client every function's store sends through", () => {
    const client = createTableClient({ region: "us-east-1" });
    expect(client.middlewareStack.identify().some((m) => m.startsWith("loggerMiddleware"))).toBe(false);
  });
});
