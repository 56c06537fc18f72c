import { cors } from "hono/cors";
// hono/tiny: the smallest router (PatternRouter), plenty for a few dozen routes; 6 KB less in every cold start.
import { Hono } from "hono/tiny";
import type { AppEnv, AppOptions } from "./app-env.js";
import { bodyLimit } from "./body-limit.js";
import { mapError } from "./error-mapping.js";
import { problemResponse } from "./problem.js";
import { type RouteSpec, RouteTable } from "./route-table.js";
import { everyResponseHeaders } from "./security-headers.js";
import { closeConnectionWhenBodyUnread } from "./unread-body.js";

const MAX_BODY_BYTES = 64 * 1024;

/** One file's routes (`registerSeriesRoutes`, ...): what an app is put together from. */
export type RouteGroup = (routes: RouteTable, options: AppOptions) => void;

/**
 * A Hono application serving `groups`, in that order, behind what every response of the HTTP API shares:
 * its security headers, the body limit, CORS when origins are given, problem+json errors and 404s.
 * `createApp` (shared/http/app.ts) puts every group together, as local mode serves them; each Lambda
 * function behind the HTTP API imports only its own groups, so its bundle holds only their code.
 */
export function assembleApp(
  options: AppOptions,
  groups: readonly RouteGroup[],
): { app: Hono<AppEnv>; specs: readonly RouteSpec[] } {
  const app = new Hono<AppEnv>();
  app.use("*", ...everyResponseHeaders, closeConnectionWhenBodyUnread);
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(c, 413, "The request body is too large.", { code: "too-large" }),
    }),
  );
  if (options.corsOrigins?.length) {
    // Answered here rather than by API Gateway, whose CORS setting cannot name the console's origin
    // (infra/stateless-stack.ts). Preflights reach this app through a public OPTIONS route.
    app.use(
      "*",
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        allowHeaders: ["authorization", "content-type", "idempotency-key"],
        exposeHeaders: ["idempotent-replayed"],
        maxAge: 3600,
      }),
    );
  }
  app.onError(mapError);
  app.notFound((c) =>
    problemResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`, { code: "no-route" }),
  );

  const routes = new RouteTable(app, options.authenticate, options.deps);
  for (const register of groups) register(routes, options);
  return { app, specs: routes.specs };
}

/** The routes only some deployments have (`AppOptions.extraRoutes`: the local clock in local mode). */
export const extraRoutes: RouteGroup = (routes, options) => options.extraRoutes?.(routes);
