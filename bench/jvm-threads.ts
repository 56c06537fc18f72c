import { readdirSync, readFileSync } from "node:fs";

/**
 * DynamoDB Local's CPU by the kind of thread that spent it, from /proc/<pid>/task (Linux only). The split
 * says what a millisecond of "DynamoDB Local CPU" is: storing items (the one SQLite thread every statement
 * runs on), handling requests (Jetty's pool: HTTP, JSON, expression parsing, condition checks), or the
 * JVM compiling its own hot paths, a start-up cost of the emulator that real DynamoDB never charges.
 */
export interface JvmCpu {
  /** sqlite4java's SQLiteQueue thread: every SQLite statement, one at a time. */
  sqliteMs: number;
  /** Jetty's request threads (`qtp…`). */
  requestsMs: number;
  /** The JIT's compiler threads (C1 and C2). */
  jitMs: number;
  /** GC, the VM thread, the code sweeper and the rest. */
  otherMs: number;
  totalMs: number;
}

/** Linux reports CPU times in clock ticks; 100 per second on every mainstream kernel build. */
const TICK_MS = 10;

export const ZERO_JVM_CPU: JvmCpu = { sqliteMs: 0, requestsMs: 0, jitMs: 0, otherMs: 0, totalMs: 0 };

type Kind = Exclude<keyof JvmCpu, "totalMs">;

/** One reading of the JVM: its whole CPU so far, and each live thread's. */
export interface JvmSample {
  processMs: number;
  threads: Map<string, { kind: Kind; ms: number }>;
}

/** User + system CPU ms from a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line. */
export const cpuMsOf = (stat: string): number => {
  // After the name (in parentheses, may hold spaces), utime and stime are the 12th and 13th fields.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

/** Reads /proc; an empty sample where it is not there (not Linux) or the process is gone. */
export function sampleJvm(pid: number | undefined): JvmSample {
  const sample: JvmSample = { processMs: 0, threads: new Map() };
  if (pid === undefined) return sample;
  try {
    sample.processMs = cpuMsOf(readFileSync(`/proc/${pid}/stat`, "utf8"));
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        sample.threads.set(tid, { kind: kindOf(name), ms: cpuMsOf(stat) });
      } catch {
        // The thread ended while we listed them.
      }
    }
  } catch {
    // Not Linux, or the JVM is gone.
  }
  return sample;
}

/** Thread names as JDK 17 and DynamoDB Local's Jetty set them; Linux truncates them to 15 characters. */
export function kindOf(threadName: string): Kind {
  if (threadName.startsWith("SQLiteQueue")) return "sqliteMs";
  if (threadName.startsWith("qtp")) return "requestsMs";
  if (/^C\d CompilerThre/.test(threadName)) return "jitMs";
  return "otherMs";
}

/**
 * CPU between two samples, per request (n), by thread kind. The total is the process's, which still
 * counts threads that ended in between (Jetty retires idle request threads); what they spent lands in
 * "other", since no live thread is left to name it.
 */
export function cpuBetween(before: JvmSample, after: JvmSample, n = 1): JvmCpu {
  const out = { ...ZERO_JVM_CPU };
  for (const [tid, { kind, ms }] of after.threads) out[kind] += ms - (before.threads.get(tid)?.ms ?? 0);
  out.totalMs = after.processMs - before.processMs;
  out.otherMs = out.totalMs - out.sqliteMs - out.requestsMs - out.jitMs;
  for (const key of Object.keys(out) as (keyof JvmCpu)[])
    out[key] = Math.round((out[key] / Math.max(n, 1)) * 10) / 10;
  return out;
}
