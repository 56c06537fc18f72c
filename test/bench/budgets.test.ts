import { describe, expect, it } from "vitest";
import { BUDGETS, checkBudgets } from "../../bench/budgets.js";
import type { ColdStartResult } from "../../bench/cold-start.js";
import { machineSpeedLine, SDK_FLOOR_WHEN_BUDGETS_SET_MS } from "../../bench/machine-speed.js";
import type { Results } from "../../bench/results.js";
import { verdict } from "../../bench/verdict.js";

// How budgets are evaluated, not what the system measures: speed targets live in `npm run bench`.
describe("the benchmark's budget table", () => {
  it("has one line per id, so each phase's table can show its verdict", () => {
    const ids = BUDGETS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("leaves out the lines of phases that did not run, rather than printing them as results", () => {
    const checks = checkBudgets({ errors: {} }, new Set(["domain"]));
    expect(checks.map((c) => c.id)).toEqual([
      "domain-freeStarts",
      "domain-planSeries",
      "domain-freeStarts-staffed",
      "domain-planSeries-staffed",
    ]);
  });

  it("says 'not measured' for a phase that ran and failed", () => {
    const [check] = checkBudgets({ errors: { "domain at scale": "boom" } }, new Set(["domain"]));
    expect(verdict(check!).text).toBe("MISS (not measured)");
  });

  it("compares init with the SDK floor; a limit that could not be measured reads not measured", () => {
    const results = {
      errors: {},
      coldStart: { functions: [{ name: "admin-api", kb: 480, ratioToSdkFloor: 1.62 }] },
    } as unknown as Results;
    const checks = checkBudgets(results, new Set(["coldStart"]));
    const init = checks.find((c) => c.id === "init-admin-api")!;
    expect(verdict(init).text).toBe("MISS by 0.12 x (+8%)");
    expect(verdict(checks.find((c) => c.id === "bundle-admin-api")!).pass).toBe(true);
    expect(verdict({ ...init, limit: Number.NaN }).text).toBe("MISS (not measured)");
  });

  it("holds the reconciler with settled reminders to its own run without them", () => {
    const run = (settled: number, total: number) => ({ settled, total, requests: {} });
    const results = (withSettled: number) =>
      ({ errors: {}, reconciler: { runs: [run(0, 202), run(10_000, withSettled)] } }) as unknown as Results;
    const check = (withSettled: number) =>
      verdict(checkBudgets(results(withSettled), new Set(["reconciler"]))[0]!);
    expect(check(202).text).toBe("PASS");
    expect(check(203).text).toBe("MISS by 1 requests (+0%)");
  });
});

describe("the report's line on the machine's speed", () => {
  it("compares this run's SDK floor with the one the millisecond budgets were set on, and has no line without it", () => {
    const floor = { kb: 190, readyMs: 2 * SDK_FLOOR_WHEN_BUDGETS_SET_MS, ratio: 2 };
    const on = (node: string) => machineSpeedLine({ node, sdkFloor: floor } as ColdStartResult);
    expect(on("v20.20.2")).toContain("2x as slow. The verdicts");
    // Another Node starts the floor at another speed: the line says the comparison is only a guide.
    expect(on("v22.23.5")).toContain("2x as slow (on Node v22.23.5, that run on v20.20.2: a guide");
    expect(machineSpeedLine(undefined)).toBeUndefined();
  });
});
