import { existsSync, readFileSync } from "node:fs";
import { readJsonFile, writeJsonFile } from "./json-file.js";
import { waitUntil } from "./wait-until.js";

/**
 * Pid files for the children `npm start` runs with a data dir (DynamoDB Local's JVM, the SES emulator),
 * so that a restart can end one a `kill -9` left running and holding its port. The parent-death guards
 * (setpriv's pdeathsig, exitWhenParentDies) normally end them first; this is the second line.
 */
export function writePidFile(file: string, pid: number | undefined): void {
  if (pid !== undefined) writeJsonFile(file, { pid });
}

/**
 * Kills the process a pid file names if it is still running and is ours: its command line (Linux
 * /proc) contains `marker`, the data dir it serves. A pid reused by another program is left alone; so
 * is everything where /proc is missing (macOS), which relies on the parent-death guards alone.
 */
export async function reapLeftover(file: string, marker: string): Promise<number | undefined> {
  const saved = readJsonFile(file) as { pid?: number } | undefined;
  const pid = saved?.pid;
  if (pid === undefined || !isOurs(pid, marker)) return undefined;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return undefined; // gone meanwhile
  }
  // Its command line empties as soon as it starts to exit, before it has let go of its files and
  // sockets: wait until the kernel calls it a zombie (or it is gone), not merely until it is not "ours".
  await waitUntil(async () => hasExited(pid), {
    timeoutMs: 10_000,
    what: `leftover process ${pid} to exit`,
  });
  return pid;
}

function isOurs(pid: number, marker: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return false;
  try {
    // A zombie (killed, not yet reaped by its new parent) has an empty command line; its port may take a
    // moment more to be let go (the caller waits for it).
    return readFileSync(cmdline, "utf8").split("\0").includes(marker);
  } catch {
    return false;
  }
}

/** Gone, or a zombie its parent has not reaped yet: either way it holds no port and no file. */
export function hasExited(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    // The state letter follows the command name in parentheses; Z zombie, X dead.
    const state = readFileSync(stat, "utf8").split(") ")[1]?.[0];
    return state === "Z" || state === "X";
  } catch {
    return true;
  }
}
