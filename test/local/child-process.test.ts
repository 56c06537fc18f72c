import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { watchChild } from "../../local/child-process.js";
import { waitUntil } from "../../local/wait-until.js";

describe("watchChild", () => {
  it("reports an early exit with the child's stderr, so startup failures say why", async () => {
    const child = spawn(process.execPath, ["-e", "console.error('port already bound'); process.exit(3)"]);
    const watched = watchChild(child, "fake service");
    const failure = waitUntil(async () => false, {
      timeoutMs: 10_000,
      what: "fake service",
      abort: () => watched.exitError(),
    });
    await expect(failure).rejects.toThrow(/fake service exited early \(code 3\):\nport already bound/);
  });

  it("stop() ends a running child and waits for its exit", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    const watched = watchChild(child, "idle service");
    expect(watched.exitError()).toBeUndefined();
    await watched.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    expect(watched.exitError()?.message).toMatch(/idle service exited early \(signal SIGTERM\)/);
  });
});
