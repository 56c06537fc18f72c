import net from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiHarness } from "../support/api-harness.js";

/** One HTTP/1.1 exchange read off a raw socket: the status, the headers, and whether the server hung up. */
interface Exchange {
  status: number;
  headers: string;
}

/**
 * A client that keeps its connection: a request answered before its body was read must not leave the
 * connection broken for the next request. Either the answer says `Connection: close` (the client then
 * opens a new one), or the next request on the same connection gets its answer.
 */
describe("a request refused before its body is read, on a kept-alive connection", () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    const api = await apiHarness();
    // Served as local/local-stack.ts serves it.
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const big = "x".repeat(300_000);
  const refusals: [string, string][] = [
    [
      "a body too large (413)",
      `POST /patients HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n${big}`,
    ],
    [
      "no token (401)",
      `POST /patients HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${big.length / 10}\r\n\r\n${big.slice(0, big.length / 10)}`,
    ],
    [
      "no such route (404)",
      `POST /nowhere HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n${big.slice(0, 50000)}`,
    ],
  ];

  it.each(refusals)(
    "%s: the next request on the connection is answered, or the answer said close",
    async (_, request) => {
      for (let round = 0; round < 3; round++) {
        const socket = net.connect(port, "127.0.0.1");
        const reader = exchanges(socket);
        socket.write(request);
        const first = await reader.next();
        expect(first.status).toBeGreaterThanOrEqual(400);
        expect(first.status).toBeLessThan(500);
        if (/^connection:\s*close\s*$/im.test(first.headers)) {
          // The server said so, and then hung up: a client opens a new connection for the next request.
          await reader.closed;
        } else {
          socket.write("GET /health HTTP/1.1\r\nHost: t\r\n\r\n");
          const second = await reader.next();
          expect(second.status, "the next request on the kept-alive connection").toBe(200);
        }
        socket.destroy();
      }
    },
  );
});

/** Reads HTTP/1.1 responses with a Content-Length off the socket, one per `next()`. */
function exchanges(socket: net.Socket) {
  let buffer = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let ended = false;
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake?.();
  });
  socket.on("error", () => {});
  socket.on("close", () => {
    ended = true;
    wake?.();
  });
  const more = () => new Promise<void>((resolve) => (wake = resolve));
  return {
    closed,
    async next(): Promise<Exchange> {
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
          const head = buffer.subarray(0, end).toString("latin1");
          const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0);
          if (buffer.length >= end + 4 + length) {
            buffer = buffer.subarray(end + 4 + length);
            return { status: Number(head.split(" ")[1]), headers: head };
          }
        }
        if (ended) throw new Error("the server closed the connection without (a whole) answer");
        await more();
      }
    },
  };
}
