import { App } from "aws-cdk-lib";
import { buildApp } from "./build-app.js";

try {
  const app = new App();
  buildApp(app);
  app.synth();
} catch (error) {
  // A configuration problem is the common case: show the message, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
