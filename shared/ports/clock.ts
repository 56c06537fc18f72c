/** The one source of "now". Lambda uses the system clock; local mode and tests use a movable one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
