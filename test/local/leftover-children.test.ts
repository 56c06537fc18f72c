import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortFree } from "../../local/free-port.js";
import { hasExited, reapLeftover, writePidFile } from "../../local/leftover-process.js";
import { waitUntil } from "../../local/wait-until.js";
import { tempDir } from "../support/temp-dir.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const running = (pid: number) => !hasExited(pid);

function killLater(pid: number) {
  cleanups.push(async () => {
    if (running(pid)) process.kill(pid, "SIGKILL");
  });
}

async function dataDir() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

describe.runIf(process.platform === "linux")("children of a killed npm start", () => {
  it("DynamoDB Local's JVM and the SES emulator exit when their parent is killed with SIGKILL", async () => {
    const dir = await dataDir();
    const parent: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "../support/start-children.ts"), dir],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    killLater(parent.pid as number);
    const [line] = await createInterface({ input: parent.stdout as NodeJS.ReadableStream })
      [Symbol.asyncIterator]()
      .next()
      .then((r) => [r.value as string]);
    const children = JSON.parse(line as string) as Record<"jvm" | "ses", { pid: number; port: number }>;
    for (const child of Object.values(children)) killLater(child.pid);
    expect(running(children.jvm.pid) && running(children.ses.pid)).toBe(true);

    process.kill(parent.pid as number, "SIGKILL");
    for (const [name, child] of Object.entries(children)) {
      // A JVM's main thread turns zombie before its other threads let go of the socket: wait for the port.
      await waitUntil(
        async () => {
          await assertPortFree(child.port, name === "jvm" ? "DynamoDB Local" : "SES emulator");
          return !running(child.pid);
        },
        { timeoutMs: 10_000, what: `${name} to exit and free its port` },
      );
    }
  }, 120_000);

  it("a restart kills a leftover that is ours (its command line names the data dir), and nothing else", async () => {
    const dir = await dataDir();
    const leftover = spawn(process.execPath, ["-e", "setInterval(() => {}, 60000)", dir], {
      stdio: "ignore",
    });
    killLater(leftover.pid as number);
    const pidFile = join(dir, "dynamodb-local.pid");
    writePidFile(pidFile, leftover.pid);
    await waitUntil(async () => readFileSync(`/proc/${leftover.pid}/cmdline`, "utf8").includes(dir), {
      timeoutMs: 5_000,
      what: "the leftover to start",
    });

    expect(await reapLeftover(pidFile, "/some/other/data/dir")).toBeUndefined();
    expect(running(leftover.pid as number)).toBe(true);
    expect(await reapLeftover(pidFile, dir)).toBe(leftover.pid);
    expect(running(leftover.pid as number)).toBe(false);

    // A pid file that names a process that is not ours (here, this test's own) is left alone.
    writePidFile(pidFile, process.pid);
    expect(await reapLeftover(pidFile, dir)).toBeUndefined();
  });
});
