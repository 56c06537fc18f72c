import type fc from "fast-check";

/**
 * Runs concurrent use cases against the real store with fast-check's scheduler deciding the order of
 * every store call, mail send and retry pause. Each call starts only when the scheduler releases it and
 * runs to completion alone, so an interleaving is a sequence of whole calls, chosen by the seed: replayable
 * (fast-check prints the seed and path of a failure), and exploring orders that real timing rarely hits.
 */
export class Interleaver {
  private current: Promise<unknown> | undefined;

  constructor(readonly scheduler: fc.Scheduler) {}

  /** `target` whose async methods (every method, here: store and mailer are all async) are scheduled. */
  gate<T extends object>(target: T, label: string): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) =>
          this.later(`${label}.${String(property)}`, () => value.apply(object, args));
      },
    });
  }

  /** A retry's pause, as the scheduler decides (no timers: they would make the order depend on wall time). */
  readonly pause = (_ms: number) => this.later("pause", async () => undefined);

  private async later<T>(label: string, call: () => Promise<T>): Promise<T> {
    await this.scheduler.schedule(Promise.resolve(label), label);
    const running = call();
    this.current = running.catch(() => undefined);
    return running;
  }

  /** Runs the tasks to the end, releasing one scheduled call at a time and letting it finish before the next. */
  async run<T>(tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    let done = false;
    const all = Promise.allSettled(tasks.map((task) => task())).finally(() => {
      done = true;
    });
    while (!done) {
      await settleMicrotasks();
      if (this.scheduler.count() === 0) {
        if (this.current === undefined) {
          // Nothing scheduled and nothing running, yet not done: a task waits on something unscheduled.
          if (!done) await settleMicrotasks();
          if (!done && this.scheduler.count() === 0 && this.current === undefined)
            throw new Error("interleaving stalled: a task awaits something the scheduler does not control");
        }
      } else {
        await this.scheduler.waitOne();
      }
      await settleMicrotasks();
      while (this.current !== undefined) {
        const running = this.current;
        await running;
        if (this.current === running) this.current = undefined;
        await settleMicrotasks();
      }
    }
    return all;
  }
}

/** Lets every pending promise continuation run (one macrotask turn). */
function settleMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A race test's time limit: `ms` for its usual `numRuns`, stretched in proportion when RACE_RUNS asks for
 * more (`npm run races`).
 */
export function raceTimeout(numRuns: number, ms: number): number {
  const runs = process.env.RACE_RUNS ? Number(process.env.RACE_RUNS) : numRuns;
  return Math.max(ms, Math.ceil((ms * runs) / numRuns));
}

/** Property-run settings shared by the race suites: seeded from the environment to replay a failure. */
export function raceRuns(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.RACE_SEED ? Number(process.env.RACE_SEED) : undefined;
  const path = process.env.RACE_PATH;
  return {
    numRuns: process.env.RACE_RUNS ? Number(process.env.RACE_RUNS) : numRuns,
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    endOnFailure: true,
  };
}
