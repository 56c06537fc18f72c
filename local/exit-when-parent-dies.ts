/**
 * Exits this process once the process that started it is gone (a `kill -9` of `npm start` runs no
 * clean-up): an orphan is re-parented, so its parent pid changes. Polled, as Node has no parent-death
 * signal; half a second is well under the time a restart takes to reach the same port.
 */
export function exitWhenParentDies(intervalMs = 500): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, intervalMs).unref();
}
