/**
 * `npm run bench`: measures the system on this machine in one run (about 3-4 minutes on 2 cores), prints
 * the tables and writes bench/results.json. Starts and stops everything it uses; not part of `npm test`.
 */

// Before any product module loads: the Powertools logger reads its level once, at import, and one log
// line per reminder would both flood the table and slow the run down.
process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";

const { runSuite } = await import("./suite.js");
const ok = await runSuite();
// Lingering keep-alive sockets or SDK timers must not hold the process open once everything is stopped.
process.exit(ok ? 0 : 1);
