import { errors as joseErrors, jwtVerify } from "jose";
import { type Principal, parseGroups } from "./roles.js";

/** Why a request is not authenticated; the detail goes back to the client in the 401. */
export class Unauthenticated extends Error {}

/**
 * Finds who is calling. Returns the principal or throws Unauthenticated.
 * `headers` are the request headers; `lambdaEvent` is the API Gateway event when running in Lambda.
 */
export type Authenticator = (request: {
  authorization: string | undefined;
  lambdaEvent?: unknown;
}) => Promise<Principal>;

/**
 * In AWS, API Gateway's JWT authorizer has already checked the Cognito token's signature, expiry, issuer
 * and audience; the function reads the claims it passes along.
 */
export const lambdaAuthorizerClaims: Authenticator = async ({ lambdaEvent }) => {
  const claims = (
    lambdaEvent as { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } }
  )?.requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== "string") throw new Unauthenticated("no verified token");
  return { sub: claims.sub, roles: parseGroups(claims["cognito:groups"]) };
};

/** Plenty for the people of one local stack; the cache starts over if a run ever signs more. */
const MAX_VERIFIED_TOKENS = 1000;

/** Locally, tokens are HS256 JWTs signed with LOCAL_JWT_SECRET; signature and expiry are checked here. */
export function hs256Tokens(secret: string): Authenticator {
  // Imported once: given the raw bytes, jose imports the key again for every token it verifies.
  const key = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  // Tokens whose signature was checked, with their expiry: a console sends the same token with every
  // request, and WebCrypto's HMAC costs more than the rest of the check. An entry is used only until the
  // token expires (jose's rule: valid while exp > now in whole seconds); after that jose answers again.
  const verified = new Map<string, { sub: string; groups: unknown; exp: number }>();
  return async ({ authorization }) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match?.[1]) throw new Unauthenticated("missing bearer token");
    const token = match[1];
    const known = verified.get(token);
    if (known && known.exp > Math.floor(Date.now() / 1000))
      return { sub: known.sub, roles: parseGroups(known.groups) };
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: ["HS256"],
        requiredClaims: ["exp", "sub"],
      });
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.clear();
      verified.set(token, { sub: String(payload.sub), groups: payload["cognito:groups"], exp: payload.exp! });
      return { sub: String(payload.sub), roles: parseGroups(payload["cognito:groups"]) };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new Unauthenticated("token expired");
      if (error instanceof joseErrors.JWSSignatureVerificationFailed)
        throw new Unauthenticated("bad token signature");
      throw new Unauthenticated("invalid token");
    }
  };
}
