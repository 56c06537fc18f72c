import { describe, expect, it } from "vitest";
import { SecretsManagerLinkKeys } from "../../shared/adapters/secrets/secrets-manager-link-keys.js";
import { linkKey } from "../../shared/domain/patient-link.js";

/** A stand-in for Secrets Manager: versions by staging label, and the requests it was sent. */
function fakeSecret(versions: Record<string, string>) {
  const requests: string[] = [];
  const client = {
    async send(command: { input: { SecretId?: string; VersionStage?: string } }) {
      const stage = command.input.VersionStage ?? "AWSCURRENT";
      requests.push(stage);
      const value = versions[stage];
      if (value === undefined)
        throw Object.assign(new Error("no such version"), { name: "ResourceNotFoundException" });
      return { SecretString: value };
    },
  };
  return { client: client as never, requests, versions };
}

describe("link keys from Secrets Manager", () => {
  it("signs with AWSCURRENT and still checks with AWSPREVIOUS; a secret never rotated has no previous", async () => {
    const rotated = fakeSecret({ AWSCURRENT: "new-key", AWSPREVIOUS: "old-key" });
    expect(await new SecretsManagerLinkKeys(rotated.client, "arn:secret").keys()).toEqual({
      current: linkKey("new-key"),
      previous: linkKey("old-key"),
    });
    const fresh = fakeSecret({ AWSCURRENT: "only-key" });
    expect(await new SecretsManagerLinkKeys(fresh.client, "arn:secret").keys()).toEqual({
      current: linkKey("only-key"),
    });
  });

  it("reads the secret once per five minutes, and a fresh read (an unknown key id) at most every 30 s", async () => {
    const secret = fakeSecret({ AWSCURRENT: "k1" });
    let now = 0;
    const keys = new SecretsManagerLinkKeys(secret.client, "arn:secret", () => now);
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

  it("fails loudly when the secret cannot be read, rather than signing with nothing", async () => {
    const broken = {
      async send() {
        throw Object.assign(new Error("denied"), { name: "AccessDeniedException" });
      },
    };
    await expect(new SecretsManagerLinkKeys(broken as never, "arn:secret").keys()).rejects.toThrow("denied");
  });
});
