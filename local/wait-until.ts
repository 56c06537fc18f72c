/**
 * Polls `probe` until it returns true, instead of sleeping a guessed amount while a process starts.
 * `abort` lets the caller stop early with a better error (e.g. the process already exited).
 */
export async function waitUntil(
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; what: string; abort?: () => Error | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) throw aborted;
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`${options.what} did not become ready within ${options.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
