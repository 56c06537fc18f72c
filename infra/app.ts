import { App } from "aws-cdk-lib";
import { CONSOLE_DIST, ensureConsoleBuilt } from "../console/tooling/build.js";
import { buildApp } from "./build-app.js";

try {
  // The staff console is deployed from its build: make sure it is the build of the current sources.
  await ensureConsoleBuilt({ log: (message) => console.error(message) });
  const app = new App();
  buildApp(app, { consoleAssetsDir: CONSOLE_DIST });
  app.synth();
} catch (error) {
  // A configuration problem is the common case: show the message, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
