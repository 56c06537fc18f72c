import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";
import { type Authenticator, Unauthenticated } from "./authenticators.js";
import { problemResponse } from "./problem.js";
import { isAllowed, type Role } from "./roles.js";

/** Every role may read; writes are limited per API.md's role matrix. */
export const ANY_ROLE: readonly Role[] = ["admin", "staff", "clinician"];

export function requireRole(
  authenticate: Authenticator,
  allowed: readonly Role[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      const principal = await authenticate({
        authorization: c.req.header("authorization"),
        lambdaEvent: c.env?.event,
      });
      if (!isAllowed(principal, allowed)) {
        return problemResponse(c, 403, `This action needs one of the roles: ${allowed.join(", ")}.`, {
          code: "forbidden",
        });
      }
      c.set("principal", principal);
    } catch (error) {
      if (error instanceof Unauthenticated) {
        c.header("www-authenticate", 'Bearer realm="clinic-scheduler"');
        return problemResponse(c, 401, `Not authenticated: ${error.message}.`, { code: "unauthenticated" });
      }
      throw error;
    }
    await next();
  };
}
