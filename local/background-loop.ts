/**
 * Runs `work` every `intervalMs` (after the previous run ends) until the returned stop() is called;
 * stop() waits for a run under way. Errors go to `onError` and the loop goes on, as a poller must.
 */
export function repeatInBackground(
  work: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void = console.error,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = work()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    clearTimeout(timer);
  };
}
