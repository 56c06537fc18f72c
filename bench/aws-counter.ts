/**
 * Counts AWS requests with SDK middleware, so the numbers are what the SDK actually sent (`GetItem`,
 * `TransactWriteItems`...), not what the code meant to send.
 */

/** The middleware signature shared by every v3 client; typed loosely so one counter fits all clients. */
type Handler = (args: unknown) => Promise<unknown>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
export interface Instrumentable {
  middlewareStack: {
    add(middleware: Middleware, options: { step: "initialize"; name: string }): void;
    remove(name: string): boolean;
  };
}

let instances = 0;

export class AwsCounter {
  /** Middleware names must be unique per client stack, and two counters may watch one client. */
  private readonly id = ++instances;
  private counts = new Map<string, number>();
  private errors = new Map<string, number>();
  /** Wall milliseconds spent waiting for each operation, retries included. */
  private waits = new Map<string, number>();
  /** Copies of the inputs of the operations asked for (`keepInputs`). */
  private kept = new Map<string, unknown[]>();

  /**
   * Adds a counting middleware at the initialize step: once per command, whatever the retries. Add it
   * before the client's first request: a client with cached middleware (the store's) does not see
   * middleware added after its first request of a command. A DynamoDBDocumentClient shares its client's
   * stack, so instrumenting either counts both.
   */
  instrument<C>(client: C, service: string): C {
    const stack = (client as unknown as Instrumentable).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const operation = `${service}.${(context.commandName ?? "Unknown").replace(/Command$/, "")}`;
        this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
        this.kept.get(operation)?.push(structuredClone((args as { input?: unknown }).input));
        const start = performance.now();
        try {
          return await next(args);
        } catch (error) {
          const key = `${operation} → ${(error as Error).name}`;
          this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
          throw error;
        } finally {
          this.waits.set(operation, (this.waits.get(operation) ?? 0) + performance.now() - start);
        }
      },
      { step: "initialize", name: `benchCounter${this.id}${service}` },
    );
    return client;
  }

  /**
   * Keeps a copy of each input of `operation` ("DynamoDB.TransactWriteItems") sent from now until
   * `stopKeeping`. The counter's middleware is already on the client: a client with cached middleware
   * would not see one added after its first request of that command.
   */
  keepInputs(operation: string): void {
    this.kept.set(operation, []);
  }

  /** The inputs kept since `keepInputs`, and no more from then on. */
  stopKeeping(operation: string): unknown[] {
    const inputs = this.kept.get(operation) ?? [];
    this.kept.delete(operation);
    return inputs;
  }

  /** Counts a request the bench stands in for (e.g. a Lambda Invoke it does not send). */
  record(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
    this.errors.clear();
    this.waits.clear();
  }

  /** Total wall milliseconds spent in requests (overlapping requests each count in full). */
  waitedMs(): number {
    let ms = 0;
    for (const v of this.waits.values()) ms += v;
    return ms;
  }

  /** Wall milliseconds by operation. */
  waitsByOperation(): Record<string, number> {
    return Object.fromEntries([...this.waits].map(([k, v]) => [k, Math.round(v * 10) / 10]));
  }

  /** Requests by "Service.Operation", sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Failed requests by "Service.Operation → ErrorName" (conditional-check losses, conflicts...). */
  failures(): Record<string, number> {
    return Object.fromEntries([...this.errors].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  count(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  /** Runs `fn` with fresh counts and returns what it sent. */
  async measure<T>(
    fn: () => Promise<T>,
  ): Promise<{ result: T; requests: Record<string, number>; total: number }> {
    this.reset();
    const result = await fn();
    return { result, requests: this.snapshot(), total: this.total() };
  }
}

/** Write operations of DynamoDB: a "write round trip" is any one of these. */
export const DYNAMODB_WRITES = [
  "DynamoDB.PutItem",
  "DynamoDB.UpdateItem",
  "DynamoDB.DeleteItem",
  "DynamoDB.BatchWriteItem",
  "DynamoDB.TransactWriteItems",
];
