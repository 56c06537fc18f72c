import * as z from "zod/mini";
import { signLocalToken } from "../shared/http/local-token.js";
import { commonErrors, jsonContent } from "../shared/http/openapi-helpers.js";
import { ROLES } from "../shared/http/roles.js";
import type { RouteTable } from "../shared/http/route-table.js";

const signInBodySchema = z.strictObject({
  roles: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(ROLES.length)),
});
const signInResponseSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime() });

const LOCAL_SESSION_SECONDS = 12 * 3600;

/**
 * `POST /local/sign-in`: the console's local sign-in. It hands out the same HS256 token as
 * `npm run token`, for the roles chosen. Only in local mode (the local stack registers it): the secret is
 * on this machine anyway, so a password here would protect nothing.
 */
export function registerLocalSignIn(routes: RouteTable, jwtSecret: string): void {
  routes.add(
    {
      method: "post",
      path: "/local/sign-in",
      operationId: "signInLocally",
      request: { body: signInBodySchema },
    },
    async (c, input) => {
      const token = await signLocalToken({
        roles: input.body.roles,
        secret: jwtSecret,
        sub: `local-${input.body.roles.join("-")}`,
        expiresInSeconds: LOCAL_SESSION_SECONDS,
      });
      return c.json(
        { token, expiresAt: new Date(Date.now() + LOCAL_SESSION_SECONDS * 1000).toISOString() },
        200,
      );
    },
  );
  API_DOCS: routes.describe("signInLocally", {
    summary: "Sign in to the local console with the chosen roles (local mode only)",
    description:
      "Hands out the same HS256 token as `npm run token` for the roles chosen. Local mode only: the signing secret is on this machine anyway, so a password here would protect nothing.",
    tags: ["local"],
    responses: {
      200: jsonContent(signInResponseSchema, "A local token for those roles."),
      ...commonErrors,
    },
  });
}
