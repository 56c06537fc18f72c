import { Agent, request } from "node:http";
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
 *
 * It speaks `node:http` rather than `fetch`: it shares the 2 cores with the API and DynamoDB Local, and
 * fetch's WHATWG streams, abort signals and header objects cost about 1.5 ms of CPU per request here,
 * time the system under test would be charged for in its latency under load.
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
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const client = async () => {
    while (next < calls.length) {
      const index = next++;
      const call = calls[index]!;
      const start = performance.now();
      let status: number | "error";
      let body: unknown;
      try {
        const response = await send(agent, options.baseUrl, options.token, call);
        status = response.status;
        if (status >= 200 && status < 300 && options.onOk)
          body = response.text ? JSON.parse(response.text) : undefined;
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
  agent.destroy();
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

/** One request on a keep-alive socket; resolves with the status and the whole body as text. */
function send(
  agent: Agent,
  baseUrl: string,
  token: string,
  call: HttpCall,
): Promise<{ status: number; text: string }> {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
  if (payload !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${call.path}`, { method: call.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}
