/**
 * A stand-in for `npm start`'s process in the children test: starts DynamoDB Local and the SES emulator
 * on the given data dir and free ports, prints their pids and ports as one JSON line, and waits to be
 * killed. Usage: tsx test/support/start-children.ts <dataDir>
 */
import { join } from "node:path";
import { startDynamoDbLocal } from "../../local/dynamodb-local.js";
import { freePort } from "../../local/free-port.js";
import { startSesEmulator } from "../../local/ses-emulator.js";

const dataDir = process.argv[2] as string;
const [db, ses] = await Promise.all([
  freePort().then((port) => startDynamoDbLocal({ port, dataDir: join(dataDir, "dynamodb") })),
  freePort().then((port) => startSesEmulator({ port, dataDir: join(dataDir, "ses") })),
]);
console.log(JSON.stringify({ jvm: { pid: db.pid, port: db.port }, ses: { pid: ses.pid, port: ses.port } }));
setInterval(() => undefined, 60_000);
