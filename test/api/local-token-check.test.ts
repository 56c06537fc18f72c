import { afterEach, describe, expect, it, vi } from "vitest";
import { hs256Tokens, Unauthenticated } from "../../shared/http/authenticators.js";
import { signLocalToken } from "../../shared/http/local-token.js";

const SECRET = "token-check-secret";

describe("the local HS256 token check", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts a token again from what it verified, and refuses it once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-04T13:00:00Z"));
    const authenticate = hs256Tokens(SECRET);
    const token = await signLocalToken({ roles: ["staff"], secret: SECRET, sub: "u1", expiresInSeconds: 60 });
    const request = { authorization: `Bearer ${token}` };

    const first = await authenticate(request);
    expect(first).toEqual({ sub: "u1", roles: ["staff"] });
    // The same answer from the remembered check, and a principal of its own each time.
    const again = await authenticate(request);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    again.roles.push("admin");
    expect(await authenticate(request)).toEqual({ sub: "u1", roles: ["staff"] });

    vi.setSystemTime(new Date("2027-01-04T13:00:59Z"));
    expect(await authenticate(request)).toEqual({ sub: "u1", roles: ["staff"] });
    // exp is exactly now: expired, as jose decides for a token it has never seen.
    vi.setSystemTime(new Date("2027-01-04T13:01:00Z"));
    await expect(authenticate(request)).rejects.toThrow(new Unauthenticated("token expired"));
  });

  it("never remembers a token whose signature fails, however often it is sent", async () => {
    const authenticate = hs256Tokens(SECRET);
    const forged = await signLocalToken({ roles: ["admin"], secret: "another-secret" });
    for (let i = 0; i < 2; i++)
      await expect(authenticate({ authorization: `Bearer ${forged}` })).rejects.toThrow(
        new Unauthenticated("bad token signature"),
      );
  });
});
