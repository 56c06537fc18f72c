import { describe, expect, it } from "vitest";
import { can, readClaims } from "../../console/src/auth/claims.js";
import { randomUrlSafe, s256Challenge } from "../../console/src/auth/pkce.js";
import { signLocalToken } from "../../shared/http/local-token.js";

describe("PKCE (RFC 7636)", () => {
  it("derives the S256 challenge of the RFC's own example", async () => {
    // RFC 7636, appendix B.
    expect(await s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes verifiers of 43 URL-safe characters, never the same twice", () => {
    const a = randomUrlSafe(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomUrlSafe(32)).not.toBe(a);
  });
});

describe("what the console reads from a token", () => {
  it("reads the roles from cognito:groups, ignoring groups it does not know", async () => {
    const token = await signLocalToken({ roles: ["clinician", "staff"] });
    expect(readClaims(token).roles).toEqual(["staff", "clinician"]);
    const admin = readClaims(await signLocalToken({ roles: ["admin"] }));
    expect(can(admin.roles, "staff")).toBe(true);
    expect(can(readClaims(token).roles)).toBe(false);
  });

  it("accepts the groups as API Gateway flattens them", () => {
    const payload = Buffer.from(
      JSON.stringify({ sub: "x", exp: 1, "cognito:groups": "[admin staff]", email: "a@b.c" }),
    ).toString("base64url");
    const claims = readClaims(`e30.${payload}.sig`);
    expect(claims.roles).toEqual(["admin", "staff"]);
    expect(claims.displayName).toBe("a@b.c");
  });
});
