import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/** Tracks a child's exit and recent stderr so startup failures can say why the process died. */
export function watchChild(child: ChildProcess, what: string) {
  let stderr = "";
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    // A spawn failure (e.g. missing binary) emits "error" and may never emit "exit".
    child.once("error", (error) => {
      stderr += String(error);
      exit ??= { code: null, signal: null };
      resolve();
    });
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    // Keep only the tail: a chatty process must not grow memory forever.
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  // Drain stdout so a full pipe never blocks the child.
  child.stdout?.resume();
  // If our process exits without calling stop() (uncaught error, process.exit), take the child along
  // rather than leaving a JVM holding the port.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));

  return {
    /** An Error describing an early exit, or undefined while the child is still running. */
    exitError(): Error | undefined {
      if (!exit) return undefined;
      const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
      return new Error(`${what} exited early (${how}):\n${stderr.trim() || "(no stderr)"}`);
    },
    /** Kills the child (TERM, then KILL after a grace period) and resolves once it has exited. */
    async stop(graceMs = 5_000): Promise<void> {
      if (exit) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

const SETPRIV = "/usr/bin/setpriv";

/**
 * The command and arguments that start `command` so that the kernel SIGKILLs it when our process dies,
 * even by `kill -9` (Linux's parent-death signal, set by util-linux's setpriv before it execs the
 * command: same pid, nothing in between). Where setpriv is missing (macOS), the command as it is.
 */
export function withParentDeathSignal(command: string, args: string[]): [string, string[]] {
  if (process.platform !== "linux" || !existsSync(SETPRIV)) return [command, args];
  return [SETPRIV, ["--pdeathsig", "KILL", "--", command, ...args]];
}
