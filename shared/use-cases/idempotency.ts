import { createHash } from "node:crypto";
import type { IdempotencyRecord, Store } from "../ports/store.js";
import { IdempotencyMismatch, IdempotencyReplay } from "./errors.js";

/** What a creating request brings so a repeat can be recognised: its key and a hash of the request. */
export interface IdempotencyRequest {
  key: string;
  requestHash: string;
}

export function idempotencyRequest(
  scope: string,
  key: string | undefined,
  body: unknown,
): IdempotencyRequest | undefined {
  if (key === undefined) return undefined;
  const hash = (s: string) => createHash("sha256").update(s).digest("base64url");
  return { key: hash(`${scope}\n${key}`), requestHash: hash(JSON.stringify(body)) };
}

/**
 * Runs a creating use case at most once per key: a repeat with the same request returns the first
 * response, a repeat with a different request is refused. The use case writes the record in the same
 * transaction as what it creates, so two racing repeats cannot both create.
 */
export async function once<T>(
  store: Store,
  request: IdempotencyRequest | undefined,
  run: (record: (status: number, body: T) => IdempotencyRecord | undefined) => Promise<T>,
): Promise<{ replayed: boolean; body: T }> {
  const replay = async (): Promise<{ replayed: true; body: T } | undefined> => {
    if (!request) return undefined;
    const stored = await store.getIdempotency(request.key);
    if (!stored) return undefined;
    if (stored.requestHash !== request.requestHash) throw new IdempotencyMismatch();
    return { replayed: true, body: stored.body as T };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const body = await run((status, body) => (request ? { ...request, status, body } : undefined));
    return { replayed: false, body };
  } catch (error) {
    if (error instanceof IdempotencyReplay) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}
