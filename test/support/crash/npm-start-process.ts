import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { awaitPortFree } from "../../../local/free-port.js";
import { waitUntil } from "../../../local/wait-until.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface Ports {
  api: number;
  ses: number;
  dynamodb: number;
}

/**
 * The real `npm start` entry (tsx local/start.ts) as a child in its own process group, on a data dir and
 * ports of the caller's, so that a crash test can SIGKILL the whole group (the app, DynamoDB Local's JVM,
 * the SES emulator) at any instant and start it again on the same data dir.
 */
export class NpmStartProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** The tail of its output, for a failure report (no PHI: the app logs none). */
  output = "";

  constructor(
    readonly dataDir: string,
    readonly ports: Ports,
  ) {}

  get apiUrl() {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  get sesUrl() {
    return `http://127.0.0.1:${this.ports.ses}`;
  }

  /** Starts it and resolves once the API answers (after its start-up recovery); returns the time taken. */
  async start(timeoutMs = 120_000): Promise<number> {
    const started = performance.now();
    const child = spawn(process.execPath, [`${ROOT}node_modules/tsx/dist/cli.mjs`, "local/start.ts"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(this.ports.api),
        SES_PORT: String(this.ports.ses),
        DYNAMODB_PORT: String(this.ports.dynamodb),
        LOCAL_DATA_DIR: this.dataDir,
        POWERTOOLS_LOG_LEVEL: "WARN",
      },
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-6_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    let gone = false;
    void this.exited.then(() => {
      gone = true;
    });
    await waitUntil(async () => (await fetch(`${this.apiUrl}/health`)).ok, {
      timeoutMs,
      intervalMs: 50,
      what: "npm start",
      abort: () => (gone ? new Error(`npm start exited:\n${this.output}`) : undefined),
    });
    return performance.now() - started;
  }

  /** SIGKILL of the whole process group, as `kill -9 -<pgid>`; resolves once its ports are free again. */
  async kill(): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
    await this.exited;
    this.child = undefined;
    await Promise.all([
      awaitPortFree(this.ports.api, "API"),
      awaitPortFree(this.ports.ses, "SES emulator"),
      awaitPortFree(this.ports.dynamodb, "DynamoDB Local"),
    ]);
  }

  /** Ctrl-C: a clean stop. */
  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    process.kill(pid, "SIGINT");
    const timer = setTimeout(() => void this.kill(), 20_000);
    await this.exited;
    clearTimeout(timer);
    await this.kill();
  }
}
