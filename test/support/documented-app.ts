import type { Hono } from "hono";
import { LocalClock } from "../../local/local-clock.js";
import { registerLocalRoutes } from "../../local/local-routes.js";
import { apiOpenApiDocument } from "../../shared/http/api-openapi-document.js";
import { createApp } from "../../shared/http/app.js";
import type { AppEnv } from "../../shared/http/app-env.js";
import type { Deps } from "../../shared/use-cases/deps.js";

/**
 * The app with every route it can have, local mode's included, for tests of the OpenAPI document.
 * Building the document touches no port: the routes are described, not called.
 */
export function documentedApp(): Hono<AppEnv> {
  return createApp({
    deps: { store: {} } as Deps,
    authenticate: async () => ({ sub: "nobody", roles: [] }),
    publicUrl: "https://api.clinic.example",
    openApiDocument: apiOpenApiDocument,
    extraRoutes: (routes) =>
      registerLocalRoutes(routes, {
        clock: new LocalClock({ initial: new Date("2026-11-30T13:00:00Z") }),
        advance: async () => ({
          fired: [],
          reconciled: { examined: 0, redriven: 0, resynced: 0, failed: 0 },
        }),
        deadLetters: () => ({ schedules: [], invokes: [], stream: [] }),
      }),
  });
}
