import type { Context } from "hono";
import { type IdempotencyRequest, idempotencyRequest } from "../../use-cases/idempotency.js";
import type { AppEnv } from "../app-env.js";

/**
 * Runs a creating use case once per Idempotency-Key (scoped to the caller and the route) and answers
 * `status` (201, or 202 for what is created to happen later); a replay returns the first response, and
 * says so in a header.
 */
export async function createOnce<T>(
  c: Context<AppEnv>,
  body: unknown,
  create: (idempotency: IdempotencyRequest | undefined) => Promise<{ replayed: boolean; body: T }>,
  status: 201 | 202 = 201,
) {
  const scope = `${c.get("principal").sub} ${c.req.method} ${c.req.routePath}`;
  const result = await create(idempotencyRequest(scope, c.req.header("idempotency-key"), body));
  if (result.replayed) c.header("idempotent-replayed", "true");
  return c.json(result.body, status);
}
