import { describe, expect, it } from "vitest";
import { cpuBetween, type JvmSample, kindOf, sampleJvm } from "../../bench/jvm-threads.js";

const sample = (processMs: number, threads: [string, ReturnType<typeof kindOf>, number][]): JvmSample => ({
  processMs,
  threads: new Map(threads.map(([tid, kind, ms]) => [tid, { kind, ms }])),
});

describe("the benchmark's split of DynamoDB Local's CPU", () => {
  it("names the threads as JDK 17 and Jetty call them, truncated to 15 characters by Linux", () => {
    expect(kindOf("SQLiteQueue[]")).toBe("sqliteMs");
    expect(kindOf("qtp1355316001-1")).toBe("requestsMs");
    expect(kindOf("C2 CompilerThre")).toBe("jitMs");
    expect(kindOf("C1 CompilerThre")).toBe("jitMs");
    expect(kindOf("VM Thread")).toBe("otherMs");
    expect(kindOf("GC Thread#0")).toBe("otherMs");
  });

  it("charges what a thread that ended spent to 'other', so the parts add up to the process's total", () => {
    const before = sample(1_000, [
      ["1", "sqliteMs", 300],
      ["2", "requestsMs", 200],
      ["3", "requestsMs", 100], // retired by Jetty before the second reading
      ["4", "jitMs", 400],
    ]);
    const after = sample(2_000, [
      ["1", "sqliteMs", 600],
      ["2", "requestsMs", 350],
      ["4", "jitMs", 500],
      ["5", "requestsMs", 50], // started in between
    ]);
    const perRequest = cpuBetween(before, after, 10);
    expect(perRequest).toEqual({ sqliteMs: 30, requestsMs: 20, jitMs: 10, otherMs: 40, totalMs: 100 });
  });

  // Linux, as CI and the benchmark's /proc readings are.
  it("reads a live process's threads from /proc, and nothing for a process that is not there", () => {
    const own = sampleJvm(process.pid);
    expect(own.threads.size).toBeGreaterThan(1); // node has libuv and V8 worker threads
    expect(own.processMs).toBeGreaterThanOrEqual(0);
    expect(sampleJvm(undefined).threads.size).toBe(0);
    expect(sampleJvm(2 ** 30).threads.size).toBe(0);
  });
});
