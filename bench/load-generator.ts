import { percentile, round } from "./stats.js";

export interface HttpCall {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  ok: number;
  /** Non-2xx responses by status (and "error" for a failed connection); excluded from the percentiles. */
  failed: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  requestsPerSecond: number;
}

/**
 * A closed-loop load generator: `concurrency` clients, each sending its next request as soon as the last
 * one answered, until `calls` is used up. Keep-alive connections over loopback, as a browser would use.
 * Latency is client-observed: request written to body read.
 */
export async function runLoad(options: {
  baseUrl: string;
  token: string;
  calls: readonly HttpCall[];
  concurrency: number;
  /** Called with each 2xx response body, e.g. to collect created ids. */
  onOk?: (body: unknown, index: number) => void;
}): Promise<LoadResult> {
  const { calls, concurrency } = options;
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let next = 0;
  const client = async () => {
    while (next < calls.length) {
      const index = next++;
      const call = calls[index]!;
      const start = performance.now();
      let status: number | "error";
      let body: unknown;
      try {
        const response = await fetch(`${options.baseUrl}${call.path}`, {
          method: call.method,
          headers: {
            authorization: `Bearer ${options.token}`,
            ...(call.body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        });
        const text = await response.text();
        status = response.status;
        if (response.ok && options.onOk) body = text ? JSON.parse(text) : undefined;
      } catch {
        status = "error";
      }
      const ms = performance.now() - start;
      if (typeof status === "number" && status >= 200 && status < 300) {
        latencies.push(ms);
        options.onOk?.(body, index);
      } else {
        failed[String(status)] = (failed[String(status)] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, client));
  const wallMs = performance.now() - started;
  return {
    concurrency,
    requests: calls.length,
    ok: latencies.length,
    failed,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(percentile(latencies, 100)),
    requestsPerSecond: round((calls.length / wallMs) * 1000),
  };
}
