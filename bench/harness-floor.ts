import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type HttpCall, runLoad } from "./load-generator.js";
import { ownCpuMs } from "./memory.js";
import { round } from "./stats.js";

/**
 * What the bench process spends on one request before any API code runs: the load generator sending it
 * and reading the answer, and Node's HTTP server parsing it, against a server in this process that
 * answers 200 `{}` at once. The API's CPU per request (latency.ts) is the bench process's, so it includes
 * this much; in Lambda neither is there (API Gateway speaks HTTP, the function gets an event).
 * Shown beside the API's CPU, not subtracted: the budget is the bench process's CPU, as measured.
 */
export async function measureHarnessFloor(calls: readonly HttpCall[], token: string): Promise<number> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Warm-up: V8's JIT for both sides and the keep-alive socket.
    await runLoad({ baseUrl, token, calls, concurrency: 1 });
    const before = ownCpuMs();
    await runLoad({ baseUrl, token, calls, concurrency: 1 });
    return round((ownCpuMs() - before) / calls.length, 2);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
