import { join } from "node:path";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local.js";
import { type SesEmulator, startSesEmulator } from "./ses-emulator.js";

export interface LocalServices {
  dynamodb: DynamoDbLocal;
  ses: SesEmulator;
}

/**
 * DynamoDB Local and the SES emulator, started together (the JVM's start dominates; the emulator comes
 * for free), with their data under `<dataDir>/dynamodb` and `<dataDir>/ses`. If one fails, the other is
 * stopped before the error is thrown. Its own module, light to import, so `npm start` can start them while
 * it loads the rest of the app (a restart after a crash waits for whichever is slower, not both).
 */
export async function startLocalServices(options: {
  dynamodbPort: number;
  sesPort: number;
  dataDir?: string;
}): Promise<LocalServices> {
  const [dynamodb, ses] = await Promise.allSettled([
    startDynamoDbLocal({
      port: options.dynamodbPort,
      ...(options.dataDir ? { dataDir: join(options.dataDir, "dynamodb") } : {}),
    }),
    startSesEmulator({
      port: options.sesPort,
      ...(options.dataDir ? { dataDir: join(options.dataDir, "ses") } : {}),
    }),
  ]);
  if (dynamodb.status === "fulfilled" && ses.status === "fulfilled") {
    return { dynamodb: dynamodb.value, ses: ses.value };
  }
  await Promise.allSettled([
    dynamodb.status === "fulfilled" ? dynamodb.value.stop() : undefined,
    ses.status === "fulfilled" ? ses.value.stop() : undefined,
  ]);
  throw dynamodb.status === "rejected" ? dynamodb.reason : (ses as PromiseRejectedResult).reason;
}
