/**
 * `npm run soak`: the crash test at length, outside `npm test`. Runs SOAK_RUNS runs (default 3) of
 * CRASH_KILLS kills each (default 60), each with its own seed (or CRASH_SEED for the first), and exits
 * non-zero if any run broke an invariant. Prints each run's seed, so a failing one can be replayed with
 * CRASH_SEED=<seed> npm run soak (or with the vitest test: CRASH_SEED=<seed> npx vitest run test/e2e/crash-recovery.test.ts).
 */
import { crashRun, crashSeed } from "./crash-run.js";

const runs = Number(process.env.SOAK_RUNS ?? 3);
const kills = Number(process.env.CRASH_KILLS ?? 60);
let failed = 0;
for (let run = 1; run <= runs; run++) {
  const seed = run === 1 ? crashSeed() : Math.floor(Math.random() * 2 ** 31);
  console.log(`soak run ${run}/${runs}: seed ${seed}, ${kills} kills`);
  const report = await crashRun({
    seed,
    kills,
    lifeMs: [300, 6_000],
    log: (line) => console.log(`  ${line}`),
  });
  console.log(JSON.stringify({ ...report, violations: report.violations.length }));
  for (const violation of report.violations) console.log(`  violation: ${violation}`);
  if (report.violations.length > 0) failed += 1;
}
console.log(
  failed === 0 ? `soak: ${runs} runs, no violation` : `soak: ${failed} of ${runs} runs broke an invariant`,
);
process.exit(failed === 0 ? 0 : 1);
