import type { SecretVersionReader } from "./rotating-link-keys.js";

/**
 * `node:http` as its CommonJS exports, not through an ES import: on Node 22, Lambda's runtime, building
 * the ES namespace of `node:http` reads its lazy `WebSocket`, `CloseEvent` and `MessageEvent` exports,
 * which loads undici (with http2, worker_threads and web streams): 50-57 ms of every cold start of the
 * two functions that read the link key, against 7 ms this way. (The SDK never loads `node:http` in
 * Lambda: its endpoints are https.)
 */
const { request } = process.getBuiltinModule("node:http");

/** The extension's own default; CDK sets PARAMETERS_SECRETS_EXTENSION_HTTP_PORT when it is changed. */
const DEFAULT_PORT = 2773;
/** The extension answers from memory or after one GetSecretValue: a hung call must not hold a request. */
const TIMEOUT_MS = 3000;

export interface SecretsExtensionOptions {
  /** `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`, else 2773. */
  port?: number;
  /** The function's session token, which the extension requires as `X-Aws-Parameters-Secrets-Token`. */
  token: () => string | undefined;
  host?: string;
}

/**
 * Reads a secret's versions through the AWS Parameters and Secrets Lambda Extension, a layer that serves
 * GetSecretValue over HTTP on localhost with the function's own credentials. One `node:http` request
 * instead of the Secrets Manager SDK client: no second client bundled into the function (about 15 KB
 * minified) and nothing built for it at cold start.
 */
export function secretsExtensionReader(
  secretId: string,
  options: SecretsExtensionOptions,
): SecretVersionReader {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? "localhost";
  return (stage) =>
    new Promise((resolve, reject) => {
      const path = `/secretsmanager/get?secretId=${encodeURIComponent(secretId)}&versionStage=${stage}`;
      const req = request(
        {
          host,
          port,
          path,
          method: "GET",
          headers: { "X-Aws-Parameters-Secrets-Token": options.token() ?? "" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status === 200) {
              try {
                resolve((JSON.parse(body) as { SecretString?: string }).SecretString);
              } catch {
                reject(new Error(`The secrets extension answered ${stage} with a body that is not JSON`));
              }
              return;
            }
            // Secrets Manager's error, passed on: the name is in the body (status 400), or a plain 404.
            if (status === 404 || body.includes("ResourceNotFoundException")) {
              resolve(undefined);
              return;
            }
            // The body names the error (AccessDenied, a throttle...); it never holds the secret.
            reject(
              new Error(`The secrets extension answered ${stage} with ${status}: ${body.slice(0, 200)}`),
            );
          });
        },
      );
      req.setTimeout(TIMEOUT_MS, () =>
        req.destroy(new Error("The secrets extension did not answer in time")),
      );
      req.on("error", reject);
      req.end();
    });
}
