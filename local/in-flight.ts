/**
 * Local stand-in for Lambda's asynchronous invoke: runs the work in the background with Lambda's two
 * retries, records what still failed (the on-failure destination), and lets callers wait until idle.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly failed: { input: unknown; error: string; at: string }[] = [];

  run<T>(input: T, work: (input: T) => Promise<unknown>, retries = 2): void {
    const attempt = async () => {
      for (let i = 0; ; i++) {
        try {
          return await work(input);
        } catch (error) {
          if (i >= retries) {
            this.failed.push({ input, error: (error as Error).message, at: new Date().toISOString() });
            return undefined;
          }
        }
      }
    };
    const p = attempt().finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  failures() {
    return [...this.failed];
  }
}
