import type { Context } from "hono";

/** 201 with the created object; a replayed Idempotency-Key says so in a header, with the same body. */
export function created<T>(c: Context, result: { replayed: boolean; body: T }) {
  if (result.replayed) c.header("idempotent-replayed", "true");
  return c.json(result.body, 201);
}
