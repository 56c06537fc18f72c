import type { Deps } from "../use-cases/deps.js";
import type { Authenticator } from "./authenticators.js";
import type { Principal } from "./roles.js";
import type { RouteSpec, RouteTable } from "./route-table.js";

/** What the HTTP application is built from: the use cases' ports and how callers are authenticated. */
export interface AppOptions {
  deps: Deps;
  authenticate: Authenticator;
  /** Base URL the API is reachable at, for links in the OpenAPI document. */
  publicUrl?: string;
  /**
   * The OpenAPI document GET /openapi.json serves for `routes` (its `servers` are set from `publicUrl`):
   * built in process from the zod schemas (`apiOpenApiDocument`: local mode, tests, tools), or read from
   * the file the deployment put beside the Lambda bundle (`openApiDocumentFile`), which keeps the builder
   * and zod's JSON Schema converter out of the function. May throw `OpenApiDocumentUnavailable` (a 503).
   * Needed by an app that serves GET /openapi.json (every one but the patients' pages).
   */
  openApiDocument?: (routes: readonly RouteSpec[]) => object | Promise<object>;
  /**
   * Browser origins allowed to call the API (CORS): the staff console's CloudFront origin in AWS. Empty
   * or absent: no CORS headers (locally the console is served by the API itself).
   */
  corsOrigins?: readonly string[];
  /** Routes only some deployments have (the local clock in local mode). */
  extraRoutes?: (routes: RouteTable) => void;
}

/** Hono's per-request context: the caller once authenticated, and the Lambda event when there is one. */
export interface AppEnv {
  Bindings: { event?: unknown };
  Variables: { principal: Principal };
}
