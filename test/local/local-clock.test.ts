import { describe, expect, it } from "vitest";
import { ClockBackwardsError, LocalClock } from "../../local/local-clock.js";
import { tempDir } from "../support/temp-dir.js";

describe("LocalClock", () => {
  it("starts at real time and stands still until set", () => {
    const before = Date.now();
    const clock = new LocalClock();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(clock.now().getTime()).toBe(now);
  });

  it("moves forward and refuses to go backwards", () => {
    const clock = new LocalClock({ initial: new Date("2026-03-10T10:00:00Z") });
    clock.set(new Date("2026-03-10T10:00:00Z"));
    clock.set(new Date("2026-03-11T09:00:00Z"));
    expect(clock.now().toISOString()).toBe("2026-03-11T09:00:00.000Z");

    expect(() => clock.set(new Date("2026-03-11T08:59:59Z"))).toThrow(ClockBackwardsError);
    expect(() => clock.set(new Date("invalid"))).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe("2026-03-11T09:00:00.000Z");
  });

  it("hands out copies, so mutating a returned Date cannot move it", () => {
    const clock = new LocalClock({ initial: new Date("2026-03-10T10:00:00Z") });
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-03-10T10:00:00.000Z");
  });

  it("keeps its time across restarts with a dataDir", async () => {
    const dir = await tempDir();
    try {
      new LocalClock({ dataDir: dir.path, initial: new Date("2026-03-10T10:00:00Z") }).set(
        new Date("2026-04-01T08:00:00Z"),
      );
      // `initial` only applies on first run; the saved time wins afterwards.
      const restarted = new LocalClock({ dataDir: dir.path, initial: new Date("2030-01-01T00:00:00Z") });
      expect(restarted.now().toISOString()).toBe("2026-04-01T08:00:00.000Z");
      expect(() => restarted.set(new Date("2026-03-31T00:00:00Z"))).toThrow(ClockBackwardsError);
    } finally {
      await dir.remove();
    }
  });
});
