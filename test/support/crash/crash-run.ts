import { freePort } from "../../../local/free-port.js";
import { tempDir } from "../temp-dir.js";
import { apiClient } from "./api-client.js";
import { emptyBurstState, randomAction } from "./clinic-burst.js";
import { checkInvariants, type InvariantReport } from "./crash-invariants.js";
import { NpmStartProcess } from "./npm-start-process.js";
import { rawReminderState } from "./raw-reminder-state.js";
import { seededRandom } from "./seeded-random.js";

export interface CrashRunOptions {
  seed: number;
  kills: number;
  /** Concurrent front-desk workers during each life. */
  workers?: number;
  /** Each life lasts a random time in this range (ms after the API answered) before the SIGKILL. */
  lifeMs?: [number, number];
  log?: (line: string) => void;
}

export interface CrashRunReport extends InvariantReport {
  seed: number;
  kills: number;
  /** Milliseconds from spawn to the API answering, first start included, after each kill. */
  restartsMs: number[];
  actions: Record<string, number>;
  durationMs: number;
}

/**
 * The crash test's driver (test/e2e/crash-recovery.test.ts, `npm run soak`): runs the real `npm start` on
 * a temp data dir, drives a seeded random burst of front-desk actions over HTTP, SIGKILLs the whole
 * process group at seeded random moments and starts it again on the same data dir, then moves the clock
 * 31 days on and checks the invariants. The seed fixes every choice and kill delay; the interleaving of
 * the concurrent workers with the kill still varies with timing, so a replay explores the same plan.
 * Stops everything it started, even when something fails.
 */
export async function crashRun(options: CrashRunOptions): Promise<CrashRunReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const random = seededRandom(options.seed);
  const [lifeMin, lifeMax] = options.lifeMs ?? [300, 2_500];
  const dir = await tempDir("clinic-crash-");
  const ports = { api: await freePort(), ses: await freePort(), dynamodb: await freePort() };
  const app = new NpmStartProcess(dir.path, ports);
  const call = await apiClient(() => app.apiUrl);
  const state = emptyBurstState();
  const restartsMs: number[] = [];
  let seq = 0;
  try {
    restartsMs.push(await app.start());
    for (let kill = 1; kill <= options.kills; kill++) {
      const lifeMs = random.int(lifeMin, lifeMax);
      let alive = true;
      const workers = Array.from({ length: options.workers ?? 2 }, async () => {
        while (alive) await randomAction(call, random, state, seq++);
      });
      await new Promise((resolve) => setTimeout(resolve, lifeMs));
      alive = false;
      await app.kill();
      await Promise.all(workers);
      restartsMs.push(await app.start());
      log(
        `kill ${kill}/${options.kills} after ${lifeMs} ms; restarted in ${Math.round(restartsMs.at(-1) ?? 0)} ms`,
      );
    }
    const now = Date.parse((await call("GET", "/local/clock")).body.now);
    const moved = await call(
      "POST",
      "/local/clock",
      { now: new Date(now + 31 * 86_400_000).toISOString() },
      "admin",
    );
    if (moved.status !== 200)
      throw new Error(`the final clock move answered ${moved.status}: ${JSON.stringify(moved.body)}`);
    const report = await checkInvariants(
      call,
      app.sesUrl,
      state.patients.map((p) => p.id),
      rawReminderState(dir.path, ports.dynamodb),
    );
    return {
      seed: options.seed,
      kills: options.kills,
      restartsMs: restartsMs.map(Math.round),
      actions: state.counts,
      durationMs: Math.round(performance.now() - started),
      ...report,
    };
  } catch (error) {
    log(`npm start's last output:\n${app.output}`);
    throw error;
  } finally {
    await app.kill();
    if (process.env.CRASH_KEEP_DATA) log(`data dir kept: ${dir.path}`);
    else await dir.remove();
  }
}

/** The seed from CRASH_SEED (a replay) or a fresh one. */
export function crashSeed(): number {
  const fromEnv = process.env.CRASH_SEED;
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
