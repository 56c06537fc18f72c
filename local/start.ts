/**
 * `npm start`: the whole system on this machine. API on $PORT (3000), SES emulator inbox on $SES_PORT
 * (8005), DynamoDB Local on $DYNAMODB_PORT (8000); data under .local/ unless started with --in-memory.
 */
import { resolve } from "node:path";
import { ensureConsoleBuilt } from "../console/tooling/build.js";
import { signLocalToken } from "../shared/http/local-token.js";
import { CONSOLE_PATH } from "./console-assets.js";
import { startLocalServices } from "./local-services.js";

const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${name} must be a port number, got "${raw}"`);
    process.exit(1);
  }
  return port;
};

const inMemory = process.argv.includes("--in-memory");
const dataDir = inMemory ? undefined : resolve(process.env.LOCAL_DATA_DIR ?? ".local");

console.log(`Starting the clinic scheduler locally (${inMemory ? "in memory" : `data in ${dataDir}`})...`);
const ports = {
  port: env("PORT", 3000),
  sesPort: env("SES_PORT", 8005),
  dynamodbPort: env("DYNAMODB_PORT", 8000),
};
// The JVM and the SES emulator start while the app's modules load: a restart after a crash waits for
// the slower of the two, not for both in turn. startLocalStack owns them (and reports their failure).
const services = startLocalServices({ ...ports, ...(dataDir ? { dataDir } : {}) });
services.catch(() => undefined);
const { startLocalStack } = await import("./local-stack.js");
let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  await ensureConsoleBuilt({ log: console.log });
  stack = await startLocalStack({
    ...ports,
    services,
    schedulerPort: env("SCHEDULER_PORT", 0) || 0,
    ...(dataDir ? { dataDir } : {}),
    ...(process.env.LOCAL_JWT_SECRET ? { jwtSecret: process.env.LOCAL_JWT_SECRET } : {}),
    backgroundPollMs: 250,
  });
} catch (error) {
  console.error(`\nCould not start: ${(error as Error).message}`);
  process.exit(1);
}

const staff = await signLocalToken({ roles: ["staff"], secret: stack.jwtSecret });
const admin = await signLocalToken({ roles: ["admin"], secret: stack.jwtSecret });
console.log(`
Clinic scheduler is running.
  Staff console  ${stack.apiUrl}${CONSOLE_PATH}   (sign in by choosing a role)
  API            ${stack.apiUrl}            (OpenAPI: ${stack.apiUrl}/openapi.json)
  Email inbox    ${stack.sesUrl}        (every email sent; JSON at ${stack.sesUrl}/store)
  DynamoDB Local ${stack.dynamodbEndpoint}
  Local clock    ${stack.clock.now().toISOString()} (moves only with POST /local/clock)

A staff token (12 h; more with \`npm run token -- staff|clinician|admin\`):
  export TOKEN=${staff}
An admin token (PUT /clinic, POST /local/clock):
  export ADMIN=${admin}

Try:  curl -s ${stack.apiUrl}/protocols -H "authorization: Bearer $TOKEN"
Stop with Ctrl-C.`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
