import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/support/slow-first-sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts DynamoDB Local and the SES emulator once, on free ports, for the integration tests.
    globalSetup: ["test/support/global-setup.ts"],
    // zod's English messages, before any test parses a schema of its own module (see the module).
    setupFiles: ["shared/config/zod-english.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each worker runs its files one after another in one process, importing the SDK, Hono, zod and the
    // domain once rather than once per file (a fresh process per file spent about a fifth of the suite's
    // time importing). A file that patches something shared puts it back when it ends (ses-failures'
    // mocked SES client, no-phi-in-logs' log level and spies).
    isolate: false,
    // Two cores: more workers only contend for the same DynamoDB Local.
    maxWorkers: 2,
    // The slow files first, so none of them starts last and runs alone (test/support/slow-first-sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Expected failures in tests (a crashing schedule-sync, say) would otherwise fill the output with warnings.
    env: { POWERTOOLS_LOG_LEVEL: "ERROR" },
  },
});
