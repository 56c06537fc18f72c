import { join } from "node:path";
import type { Clock } from "../shared/ports/clock.js";
import { readJsonFile, writeJsonFile } from "./json-file.js";

export class ClockBackwardsError extends Error {
  constructor(
    readonly current: Date,
    readonly requested: Date,
  ) {
    super(
      `the local clock only moves forward: it is ${current.toISOString()}, got ${requested.toISOString()}`,
    );
    this.name = "ClockBackwardsError";
  }
}

/**
 * The local-mode "now". It stands still between `set` calls so demos and tests are reproducible: time
 * passes only when someone moves it (POST /local/clock), and the scheduler fires at exactly that time.
 * It never goes back, because schedules already fired cannot be un-fired.
 * With `dataDir`, the time is kept in `<dataDir>/clock.json` so a restart resumes where it stopped.
 */
export class LocalClock implements Clock {
  private current: Date;
  private readonly file: string | undefined;

  constructor(options: { dataDir?: string; initial?: Date } = {}) {
    this.file = options.dataDir === undefined ? undefined : join(options.dataDir, "clock.json");
    const saved = this.file === undefined ? undefined : readSaved(this.file);
    this.current = saved ?? new Date((options.initial ?? new Date()).getTime());
    if (saved === undefined) this.persist();
  }

  now(): Date {
    // A copy, so callers mutating the Date cannot move the clock.
    return new Date(this.current.getTime());
  }

  set(next: Date): void {
    if (Number.isNaN(next.getTime())) throw new RangeError("the local clock needs a valid date");
    if (next.getTime() < this.current.getTime()) throw new ClockBackwardsError(this.now(), next);
    this.current = new Date(next.getTime());
    this.persist();
  }

  private persist(): void {
    if (this.file === undefined) return;
    writeJsonFile(this.file, { now: this.current.toISOString() });
  }
}

function readSaved(file: string): Date | undefined {
  const parsed = readJsonFile(file);
  if (parsed === undefined) return undefined;
  const now =
    typeof parsed === "object" && parsed !== null && "now" in parsed && typeof parsed.now === "string"
      ? new Date(parsed.now)
      : undefined;
  if (now === undefined || Number.isNaN(now.getTime())) {
    throw new Error(`${file} is not a saved clock ({ "now": ISO string }); fix or delete it`);
  }
  return now;
}
