import { SignJWT } from "jose";
import type { Role } from "./roles.js";

export const DEFAULT_LOCAL_JWT_SECRET = "local-dev-secret";

/** A token shaped like a Cognito ID token, for local use and tests. */
export async function signLocalToken(options: {
  roles: Role[];
  secret?: string;
  sub?: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const key = new TextEncoder().encode(options.secret ?? DEFAULT_LOCAL_JWT_SECRET);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ "cognito:groups": options.roles })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.sub ?? `local-${options.roles.join("-") || "none"}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 12 * 3600))
    .sign(key);
}
