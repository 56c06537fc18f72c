import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { readJsonFile, writeJsonFile } from "./json-file.js";

interface Failure<T> {
  input: T;
  error: string;
  at: string;
}

/**
 * Local stand-in for Lambda's asynchronous invoke: runs the work in the background with Lambda's two
 * retries, records what still failed (the on-failure destination), and lets callers wait until idle.
 *
 * With `dir`, each job is written to `<dir>/pending/<id>.json` before run() returns and removed once it
 * is done, as Lambda's queue keeps an accepted invoke: a `kill -9` mid-job leaves the file, and the next
 * process runs it again with resume(). The work must be safe to repeat (send-reminder claims first).
 */
export class InFlight<T> {
  private readonly running = new Set<Promise<unknown>>();
  private readonly failed: Failure<T>[];
  private readonly pendingDir: string | undefined;
  private readonly failuresFile: string | undefined;
  private readonly retries: number;
  /** Job files this process is running, so a second resume() does not start them twice. */
  private readonly runningFiles = new Set<string>();

  constructor(
    private readonly work: (input: T) => Promise<unknown>,
    options: { dir?: string; retries?: number } = {},
  ) {
    this.retries = options.retries ?? 2;
    this.pendingDir = options.dir === undefined ? undefined : join(options.dir, "pending");
    this.failuresFile = options.dir === undefined ? undefined : join(options.dir, "failures.json");
    if (this.pendingDir !== undefined) mkdirSync(this.pendingDir, { recursive: true });
    this.failed =
      this.failuresFile === undefined ? [] : ((readJsonFile(this.failuresFile) as Failure<T>[]) ?? []);
  }

  /** Accepts a job: persisted (with a dir) before this returns, then run in the background. */
  run(input: T): void {
    const file = this.pendingDir === undefined ? undefined : join(this.pendingDir, `${randomUUID()}.json`);
    if (file !== undefined) writeJsonFile(file, { input });
    this.start(input, file);
  }

  /** Runs again every job a previous process accepted and did not finish; returns how many. */
  resume(): number {
    if (this.pendingDir === undefined) return 0;
    const files = readdirSync(this.pendingDir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => join(this.pendingDir as string, name))
      .filter((file) => !this.runningFiles.has(file));
    for (const file of files) {
      const saved = readJsonFile(file) as { input: T } | undefined;
      if (saved !== undefined) this.start(saved.input, file);
    }
    return files.length;
  }

  private start(input: T, file: string | undefined): void {
    if (file !== undefined) this.runningFiles.add(file);
    const attempt = async () => {
      for (let i = 0; ; i++) {
        try {
          return await this.work(input);
        } catch (error) {
          if (i >= this.retries) {
            this.failed.push({ input, error: (error as Error).message, at: new Date().toISOString() });
            if (this.failuresFile !== undefined) writeJsonFile(this.failuresFile, this.failed);
            return undefined;
          }
        }
      }
    };
    const p = attempt().finally(() => {
      this.running.delete(p);
      if (file !== undefined) {
        unlinkSync(file);
        this.runningFiles.delete(file);
      }
    });
    this.running.add(p);
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  failures() {
    return [...this.failed];
  }
}
