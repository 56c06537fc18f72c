import type { AddressInfo } from "node:net";
import { assertPortFree } from "../free-port.js";
import { DEFAULT_LOCAL_CONCURRENCY, DEFAULT_LOCAL_RETRY_CAP, fireDue } from "./fire-due.js";
import { createSchedulerServer } from "./http-server.js";
import { ScheduleStore } from "./schedule-store.js";
import type { DeadLetter, FiredSchedule, InvokeTarget, StoredSchedule } from "./types.js";

export type { DeadLetter, FiredSchedule, InvokeTarget, StoredSchedule } from "./types.js";

export interface SchedulerEmulator {
  endpoint: string;
  port: number;
  /**
   * Fires everything due at or before `now` (the local clock), one due instant after another, the
   * schedules of one instant concurrently; resolves once every invocation it started has completed.
   * Calls are serialized.
   */
  fireDue(now: Date): Promise<FiredSchedule[]>;
  deadLetters(): DeadLetter[];
  list(): StoredSchedule[];
  stop(): Promise<void>;
}

/**
 * Starts the EventBridge Scheduler emulator: point a SchedulerClient at `endpoint` to create schedules,
 * and call `fireDue(clock.now())` to run the due ones through `invoke`.
 * `port: 0` picks a free port (read it back from the result).
 */
export async function startSchedulerEmulator(options: {
  port: number;
  dataDir?: string;
  invoke: InvokeTarget;
  /** Upper bound on retries per firing (AWS allows up to 185 over a day). */
  retryCap?: number;
  /**
   * How many invocations of schedules due at the same instant run at once (default 5, send-reminder's
   * reserved concurrency in AWS); 1 fires strictly one at a time.
   */
  concurrency?: number;
}): Promise<SchedulerEmulator> {
  if (options.port !== 0) await assertPortFree(options.port, "Scheduler emulator");
  const store = new ScheduleStore(options.dataDir);
  const server = createSchedulerServer(store);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  // Two overlapping fireDue calls would fire the same schedule twice; chain them instead.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    fireDue(now) {
      const run = queue.then(() =>
        fireDue(
          store,
          now,
          options.invoke,
          options.retryCap ?? DEFAULT_LOCAL_RETRY_CAP,
          options.concurrency ?? DEFAULT_LOCAL_CONCURRENCY,
        ),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    deadLetters: () => store.deadLetters(),
    list: () => store.allSchedules().map((schedule) => structuredClone(schedule)),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // SDK clients keep sockets alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
