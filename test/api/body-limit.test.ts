import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { bodyLimit } from "../../shared/http/body-limit.js";

/** An app that echoes the length of the JSON body it read, behind a 100-byte limit. */
function app() {
  const a = new Hono();
  a.use("*", bodyLimit({ maxSize: 100, onError: (c) => c.text("too large", 413) }));
  a.post("/echo", async (c) => c.json({ length: JSON.stringify(await c.req.json()).length }));
  a.get("/echo", (c) => c.json({ ok: true }));
  return a;
}

const body = (n: number) => JSON.stringify({ x: "y".repeat(n) });
/** A body of unknown length, as a chunked upload arrives. */
const stream = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe("bodyLimit", () => {
  it("decides from a declared content-length, without reading the body", async () => {
    const big = await app().request("/echo", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "101" },
      // Never read: a limit decided from the header leaves the stream alone.
      body: stream(body(10)),
      duplex: "half",
    } as RequestInit);
    expect(big.status).toBe(413);
    const fits = await app().request("/echo", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body(10).length) },
      body: body(10),
    });
    expect(fits.status).toBe(200);
    expect(await fits.json()).toEqual({ length: body(10).length });
  });

  it("counts a body of undeclared length as it streams", async () => {
    const send = (text: string) =>
      app().request("/echo", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream(text),
        duplex: "half",
      } as RequestInit);
    expect((await send(body(200))).status).toBe(413);
    const fits = await send(body(10));
    expect(fits.status).toBe(200);
    expect(await fits.json()).toEqual({ length: body(10).length });
  });

  it("lets a GET through, whatever its headers say", async () => {
    const res = await app().request("/echo", { headers: { "content-length": "1000" } });
    expect(res.status).toBe(200);
  });
});
