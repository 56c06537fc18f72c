import { describe, expect, it } from "vitest";
import { crashRun, crashSeed } from "../support/crash/crash-run.js";

const KILLS = Number(process.env.CRASH_KILLS ?? 5);

describe("npm start survives kill -9 at any instant", () => {
  it(`converges after ${KILLS} SIGKILLs of the whole process group mid-burst`, async () => {
    const seed = crashSeed();
    console.log(`crash-recovery seed ${seed} (replay with CRASH_SEED=${seed})`);
    const report = await crashRun({ seed, kills: KILLS, log: (line) => console.log(line) });
    console.log(JSON.stringify({ ...report, violations: report.violations.length }, null, 2));
    for (const violation of report.violations) console.log(`violation: ${violation}`);
    expect(report.kills).toBe(KILLS);
    // The burst did real work: reminders fell due and emails went out between the kills.
    expect(report.emails).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  }, 900_000);
});
