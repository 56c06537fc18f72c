/** The part of every v3 client this needs; typed loosely so one helper fits all clients. */
interface WithMiddlewareStack {
  middlewareStack: { remove(toRemove: string): boolean };
}

/**
 * Takes the SDK's logger middleware out of a client. It runs on every request even when no logger is
 * configured, deep-copying the input and output through the "sensitive data" filter first (about 0.7 ms of
 * CPU per 50-item transaction), and that filter does not redact DynamoDB attribute values: with a logger
 * configured it would log patients' names and emails. Our own logs say what happened, without PHI.
 */
export function withoutSdkLogging<C extends WithMiddlewareStack>(client: C): C {
  client.middlewareStack.remove("loggerMiddleware");
  return client;
}
