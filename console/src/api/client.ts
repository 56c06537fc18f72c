import createClient, { type Middleware } from "openapi-fetch";
import { ApiError } from "./api-error.js";
import { requestEnded, requestStarted } from "./progress.js";
import type { paths } from "./schema.js";

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ClientOptions {
  /** The API's base URL; "" when the console is served by the API itself (local mode). */
  baseUrl: string;
  /** The bearer token of the signed-in person, asked for on every request (it may refresh it first). */
  token: () => Promise<string | undefined>;
  /** Called on a 401: the session has ended. */
  onUnauthenticated: () => void;
}

/** The typed API client: every request carries the token and counts towards the progress bar. */
export function createApiClient(options: ClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl || location.origin });
  const auth: Middleware = {
    async onRequest({ request }) {
      requestStarted();
      const token = await options.token();
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      requestEnded();
      if (response.status === 401) options.onUnauthenticated();
      return response;
    },
    onError({ error }) {
      requestEnded();
      return new ApiError(0, { detail: error instanceof Error ? error.message : String(error) });
    },
  };
  client.use(auth);
  return client;
}

/**
 * The data of a response, or an ApiError carrying the problem+json. openapi-fetch returns `{ data, error }`
 * rather than throwing; pages read better with one try/catch around a whole action.
 */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const problem = (result.error ?? {}) as ConstructorParameters<typeof ApiError>[1];
  throw new ApiError(result.response.status, typeof problem === "object" ? problem : {});
}

/** A fresh key for one create action: retries and double clicks of the same form create one record. */
export const idempotencyKey = (): string => crypto.randomUUID();
