import type { TestProject } from "vitest/node";
import { type DynamoDbLocal, startDynamoDbLocal } from "../../local/dynamodb-local.js";
import { freePort } from "../../local/free-port.js";
import { type SesEmulator, startSesEmulator } from "../../local/ses-emulator.js";

/**
 * Starts DynamoDB Local (in memory) and the SES emulator once per run, on free ports, and hands their
 * endpoints to tests through `provide` (read them with test/support/services.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dynamodb: DynamoDbLocal | undefined;
  let ses: SesEmulator | undefined;
  const teardown = async () => {
    await Promise.allSettled([dynamodb?.stop(), ses?.stop()]);
  };
  try {
    // Both in parallel: the JVM start dominates, the emulator comes for free.
    [dynamodb, ses] = await Promise.all([
      freePort().then((port) => startDynamoDbLocal({ port })),
      freePort().then((port) => startSesEmulator({ port })),
    ]);
  } catch (error) {
    // One may have started before the other failed; vitest skips teardown when setup throws.
    await teardown();
    throw error;
  }
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  return teardown;
}
