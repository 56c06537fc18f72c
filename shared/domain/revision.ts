/**
 * A stored record's next revision: its changes, one version on, stamped with when. The store writes it
 * only over the version it was read at (`version - 1`), so a change decided on a stale read cannot
 * commit; every change to a record someone else may change is made here, not by hand.
 */
export function revised<T extends { version: number; updatedAt: string }>(
  current: T,
  changes: Partial<T>,
  now: string,
): T {
  return { ...current, ...changes, version: current.version + 1, updatedAt: now };
}
