import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** DynamoDB Local (in memory, shared by all test files; use freshTable() for isolation). */
    dynamodbEndpoint: string;
    /** aws-ses-v2-local: send with SESv2Client here, read GET /store. */
    sesEndpoint: string;
  }
}

/** Endpoints of the services test/support/global-setup.ts started for this run. */
export function services(): { dynamodbEndpoint: string; sesEndpoint: string } {
  return { dynamodbEndpoint: inject("dynamodbEndpoint"), sesEndpoint: inject("sesEndpoint") };
}

/** Every local emulator accepts any credentials; the SDK just needs some to sign with. */
export const TEST_REGION = "us-east-1";
export const TEST_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" } as const;
