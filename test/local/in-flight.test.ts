import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../local/in-flight.js";
import { tempDir } from "../support/temp-dir.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function dataDir() {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return join(dir.path, "async-invokes");
}

describe("InFlight, the local async invoke", () => {
  it("runs a job a killed process handed to it once the next process resumes the same dir", async () => {
    const dir = await dataDir();
    // The first process dies mid-job: its work never returns.
    const killed = new InFlight<{ id: string }>(() => new Promise(() => undefined), { dir });
    killed.run({ id: "a" });
    killed.run({ id: "b" });

    const ran: string[] = [];
    const restarted = new InFlight<{ id: string }>(
      async (job) => {
        ran.push(job.id);
      },
      { dir },
    );
    expect(restarted.resume()).toBe(2);
    await restarted.idle();
    expect(ran.sort()).toEqual(["a", "b"]);
    // Done: nothing is left to run again after another restart.
    expect(new InFlight(async () => undefined, { dir }).resume()).toBe(0);
  });

  it("keeps a job that still failed after its retries as a failure, across a restart, and runs it no more", async () => {
    const dir = await dataDir();
    let attempts = 0;
    const failing = new InFlight<{ id: string }>(
      async () => {
        attempts += 1;
        throw new Error("target down");
      },
      { dir },
    );
    failing.run({ id: "x" });
    await failing.idle();
    expect(attempts).toBe(3);
    const restarted = new InFlight(async () => undefined, { dir });
    expect(restarted.resume()).toBe(0);
    expect(restarted.failures()).toMatchObject([{ input: { id: "x" }, error: "target down" }]);
  });

  it("without a dir keeps jobs in memory only", async () => {
    const ran: number[] = [];
    const inMemory = new InFlight<number>(async (n) => {
      ran.push(n);
    });
    inMemory.run(1);
    await inMemory.idle();
    expect(ran).toEqual([1]);
    expect(inMemory.resume()).toBe(0);
  });

  it("writes each job down before run() returns", async () => {
    const dir = await dataDir();
    const flight = new InFlight<number>(() => new Promise(() => undefined), { dir });
    flight.run(7);
    expect((await readdir(join(dir, "pending"))).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });
});
