import { readdirSync, readFileSync } from "node:fs";
import { cpuMsOf } from "./jvm-threads.js";

/**
 * Samples this process's resident set: the local API runs inside the bench process (startLocalStack
 * serves Hono in-process), so its peak is this process's peak. Sampling shows the peak during a phase;
 * the kernel's high-water mark (maxRSS) covers the whole run, bundling included.
 */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 25): void {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, intervalMs);
    this.timer.unref();
  }

  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak;
  }
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export interface ChildProcessStats {
  pid: number;
  command: string;
  /** VmHWM: the kernel's peak resident set of the process. */
  peakMb: number;
  /** User + system CPU time so far. */
  cpuMs: number;
}

/**
 * This process's children the local stack started (DynamoDB Local's JVM, the SES emulator), with peak
 * memory and CPU time from /proc. Linux only; elsewhere the list is empty.
 */
export function stackChildren(): ChildProcessStats[] {
  const out: ChildProcessStats[] = [];
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The fields after the command name, which is in parentheses and may itself contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const command = cmdline.includes("DynamoDBLocal")
        ? "DynamoDB Local (java)"
        : cmdline.includes("aws-ses-v2-local")
          ? "SES emulator (node)"
          : undefined;
      // Other children (tsx's esbuild service) are not part of the system under test.
      if (!command) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.push({
        pid: Number(pid),
        command,
        peakMb: Math.round(hwmKb / 102.4) / 10,
        cpuMs: cpuMsOf(stat),
      });
    } catch {
      // The process exited while we read it.
    }
  }
  return out;
}

/** CPU milliseconds used by this process (all threads). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
