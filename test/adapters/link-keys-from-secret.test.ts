import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkKeysFromEnv } from "../../shared/adapters/secrets/link-keys-from-env.js";
import {
  RotatingLinkKeys,
  type SecretVersionReader,
} from "../../shared/adapters/secrets/rotating-link-keys.js";
import { secretsExtensionReader } from "../../shared/adapters/secrets/secrets-extension.js";
import { linkKey } from "../../shared/domain/patient-link.js";

/** A stand-in for Secrets Manager: versions by staging label, and the stages it was asked for. */
function fakeSecret(versions: Record<string, string>) {
  const requests: string[] = [];
  const read: SecretVersionReader = async (stage) => {
    requests.push(stage);
    return versions[stage];
  };
  return { read, requests, versions };
}

describe("link keys from a rotating secret", () => {
  it("signs with AWSCURRENT and still checks with AWSPREVIOUS; a secret never rotated has no previous", async () => {
    const rotated = fakeSecret({ AWSCURRENT: "new-key", AWSPREVIOUS: "old-key" });
    expect(await new RotatingLinkKeys(rotated.read).keys()).toEqual({
      current: linkKey("new-key"),
      previous: linkKey("old-key"),
    });
    const fresh = fakeSecret({ AWSCURRENT: "only-key" });
    expect(await new RotatingLinkKeys(fresh.read).keys()).toEqual({ current: linkKey("only-key") });
  });

  it("reads the secret once per five minutes, and a fresh read (an unknown key id) at most every 30 s", async () => {
    const secret = fakeSecret({ AWSCURRENT: "k1" });
    let now = 0;
    const keys = new RotatingLinkKeys(secret.read, () => now);
    await Promise.all([keys.keys(), keys.keys()]);
    expect(secret.requests).toHaveLength(2); // current and previous, once for both callers
    // Rotated meanwhile: a link under the new key asks for a fresh read, which the 30 s floor delays.
    secret.versions.AWSPREVIOUS = "k1";
    secret.versions.AWSCURRENT = "k2";
    now = 10_000;
    expect((await keys.keys({ fresh: true })).current).toEqual(linkKey("k1"));
    now = 31_000;
    expect(await keys.keys({ fresh: true })).toEqual({ current: linkKey("k2"), previous: linkKey("k1") });
    now = 200_000;
    await keys.keys();
    expect(secret.requests).toHaveLength(4);
    now = 332_000;
    await keys.keys();
    expect(secret.requests).toHaveLength(6);
  });
});

/**
 * A stand-in for the Parameters and Secrets extension on a free port: GetSecretValue over HTTP, answering
 * as the extension does (Secrets Manager's error passed on with its status), and refusing a request
 * without the session token, as the extension does.
 */
describe("the Parameters and Secrets extension reader", () => {
  const versions: Record<string, string> = { AWSCURRENT: "current-key" };
  const seen: { url: string; token: string | undefined }[] = [];
  let denied = false;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const token = req.headers["x-aws-parameters-secrets-token"] as string | undefined;
      seen.push({ url: url.pathname + url.search, token });
      if (!token) return void res.writeHead(401).end("missing token");
      if (denied) return void res.writeHead(400).end("AccessDeniedException: not authorized");
      const stage = url.searchParams.get("versionStage") ?? "AWSCURRENT";
      const value = versions[stage];
      if (value === undefined)
        return void res
          .writeHead(400)
          .end(
            `ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label: ${stage}`,
          );
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ARN: url.searchParams.get("secretId"),
          SecretString: value,
          VersionStages: [stage],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks for each stage of the secret with the function's session token", async () => {
    const read = secretsExtensionReader("arn:aws:secretsmanager:us-east-1:1:secret:links", {
      host: "127.0.0.1",
      port,
      token: () => "session-token",
    });
    expect(await read("AWSCURRENT")).toBe("current-key");
    expect(seen.at(-1)).toEqual({
      url: "/secretsmanager/get?secretId=arn%3Aaws%3Asecretsmanager%3Aus-east-1%3A1%3Asecret%3Alinks&versionStage=AWSCURRENT",
      token: "session-token",
    });
    // Never rotated: no previous version, which is not an error.
    expect(await read("AWSPREVIOUS")).toBeUndefined();
  });

  it("fails loudly when the secret cannot be read, rather than signing with nothing", async () => {
    const read = secretsExtensionReader("arn:secret", { host: "127.0.0.1", port, token: () => "t" });
    denied = true;
    try {
      await expect(new RotatingLinkKeys(read).keys()).rejects.toThrow(/400: AccessDeniedException/);
    } finally {
      denied = false;
    }
    const noToken = secretsExtensionReader("arn:secret", { host: "127.0.0.1", port, token: () => undefined });
    await expect(noToken("AWSCURRENT")).rejects.toThrow(/401/);
  });

  it("is what a function deployed with the secret's ARN uses, on the extension's configured port", async () => {
    expect(linkKeysFromEnv({})).toBeUndefined();
    const keys = linkKeysFromEnv(
      { PATIENT_LINK_SECRET_ARN: "arn:secret" },
      { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port), AWS_SESSION_TOKEN: "from-lambda" },
    );
    // Lambda's extension listens on localhost; the stand-in too, on the port the environment names.
    expect(await keys?.keys()).toEqual({ current: linkKey("current-key") });
    expect(seen.at(-1)?.token).toBe("from-lambda");
  });
});
