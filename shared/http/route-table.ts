import type { Context, Hono, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type * as z from "zod/mini";
import "../config/zod-english.js";
import { fieldErrors } from "../schemas/problem.schema.js";
import type { Deps } from "../use-cases/deps.js";
import type { ApiTag } from "./api-tags.js";
import type { AppEnv } from "./app-env.js";
import { type AuditSpec, audited } from "./audit-trail.js";
import type { Authenticator } from "./authenticators.js";
import { problemResponse } from "./problem.js";
import { requireRole } from "./require-role.js";
import type { Role } from "./roles.js";
import { htmlPageHeaders } from "./security-headers.js";

/** A documented response: the OpenAPI document is built from these, never from the handlers. */
export interface ResponseSpec {
  description: string;
  content?: Record<string, { schema: z.ZodMiniType }>;
}

/**
 * One route as data: what Hono needs to serve it (RouteServing) and what the OpenAPI document says about it
 * (RouteDocs). Every route of the app is one of these (pages, probes and local-only routes too), so the
 * document lists them all, and the fields every operation needs to read well (operationId, summary,
 * description) are required. We keep this shape (close to OpenAPI's operation object) instead of
 * `@hono/zod-openapi` because that library pulls all of zod and an OpenAPI generator into the Lambda
 * bundle; the document is built from these specs with zod's own JSON Schema converter, at synth for the
 * Lambda (a file beside its bundle) and on the first request for `/openapi.json` locally.
 */
export interface RouteSpec extends RouteServing, RouteDocs {}

/** What serving a route reads: everything of its spec but the prose and the documented responses. */
export interface RouteServing {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path template: `/patients/{id}`. */
  path: string;
  /** Unique across the API, camelCase: client generators name their methods after it. */
  operationId: string;
  /**
   * Who may call it: a bearer token with one of these roles, checked before validation so a stranger
   * learns nothing from a 400. Absent: public. The document's `security` is derived from it.
   */
  roles?: readonly Role[];
  request?: {
    params?: z.ZodMiniObject;
    query?: z.ZodMiniObject;
    headers?: z.ZodMiniObject;
    /** A JSON body, always required. */
    body?: z.ZodMiniType;
  };
  /** A route that reads or changes a patient's data leaves an audit entry (see audit-trail.ts). */
  audit?: AuditSpec;
  /**
   * Set for an HTML page people open (not the JSON API): it is served with the pages' CSP, and a request
   * that does not match the schema gets `invalidRequest`'s page rather than problem+json.
   */
  page?: { invalidRequest: (c: Context<AppEnv>, deps: Deps) => Response | Promise<Response> };
}

/** What only the OpenAPI document reads about a route: nothing here is read while serving it. */
export interface RouteDocs {
  /** One line, as an API reference lists the operation. */
  summary: string;
  /** What it does and what a caller should know: rules, side effects, what is written. */
  description: string;
  tags: readonly ApiTag[];
  responses: Readonly<Record<number, ResponseSpec>>;
}

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type RequestOf<R extends RouteServing> = NonNullable<R["request"]>;

/** The validated parts of a request, typed by the route's schemas. */
export interface ValidInput<R extends RouteServing> {
  params: Parsed<RequestOf<R>["params"]>;
  query: Parsed<RequestOf<R>["query"]>;
  headers: Parsed<RequestOf<R>["headers"]>;
  body: Parsed<RequestOf<R>["body"]>;
}

/**
 * Serves one request. `deps` are the use cases' ports for this request: on an audited route, its store
 * writes the request's audit entry with the change it commits (see audit-trail.ts).
 */
export type RouteHandler<R extends RouteServing> = (
  c: Context<AppEnv>,
  input: ValidInput<R>,
  deps: Deps,
) => Response | Promise<Response>;

// JSON media types, with parameters such as charset; anything else is a 415.
const JSON_MEDIA_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/**
 * The API's routes: registers each on Hono with validation that answers 400 problem+json naming every
 * field at fault, and remembers the specs, with their docs, for the OpenAPI document.
 */
export class RouteTable {
  private readonly served: RouteServing[] = [];
  private readonly docs = new Map<string, RouteDocs>();
  /** One middleware for every page: each builds its policy headers when made. */
  private pageHeaders?: MiddlewareHandler<AppEnv>;

  constructor(
    readonly app: Hono<AppEnv>,
    readonly authenticate: Authenticator,
    /**
     * The use cases' ports, handed to every handler; audited routes record their entries in its store,
     * dated by its clock. (A document-only app, built to print /openapi.json, serves nothing.)
     */
    private readonly deps: Deps,
  ) {}

  /**
   * Every route with its docs, for the OpenAPI document. A route that was never described reads as one
   * whose docs throw, naming it, when the document reads them: building the app (in a Lambda, where the
   * docs are dropped) still works, building the document does not.
   */
  get specs(): RouteSpec[] {
    return this.served.map((spec) => {
      const docs = this.docs.get(spec.operationId);
      return docs ? { ...spec, ...docs } : undocumented(spec);
    });
  }

  add<const R extends RouteServing>(spec: R, handler: RouteHandler<R>): void {
    if (this.served.some((s) => s.operationId === spec.operationId))
      throw new Error(`operationId ${spec.operationId} is used twice`);
    this.served.push(spec);
    const honoPath = spec.path.replaceAll(/\{([^}]+)\}/g, ":$1");
    const serve: MiddlewareHandler<AppEnv> = async (c) => {
      const input = await validInput(c, spec);
      if (input instanceof Response) return spec.page ? spec.page.invalidRequest(c, this.deps) : input;
      const { deps } = this;
      const { audit } = spec;
      if (!audit) return handler(c, input as ValidInput<R>, deps);
      return audited(c, { ...spec, audit }, input, deps, async (store) =>
        handler(c, input as ValidInput<R>, { ...deps, store }),
      );
    };
    if (spec.page) this.pageHeaders ??= htmlPageHeaders();
    const before = [
      ...(spec.page && this.pageHeaders ? [this.pageHeaders] : []),
      ...(spec.roles ? [requireRole(this.authenticate, spec.roles)] : []),
    ];
    this.app.on([spec.method.toUpperCase()], [honoPath], ...before, serve);
  }

  /**
   * The OpenAPI docs of the route added just before as `operationId`, written `API_DOCS: routes.describe(...)`
   * right after its `routes.add`: Lambda bundles drop statements labelled API_DOCS (esbuild's dropLabels,
   * infra/constructs/lambda-bundle.ts), since the function never reads docs: its document is written at
   * synth (infra/openapi-document-file.ts). Everywhere else (tsx, vitest, the CDK app) the label is inert.
   */
  describe(operationId: string, docs: RouteDocs): void {
    if (!this.served.some((s) => s.operationId === operationId))
      throw new Error(
        `routes.describe("${operationId}"): no route with that operationId was added before it`,
      );
    if (this.docs.has(operationId)) throw new Error(`operationId ${operationId} is described twice`);
    this.docs.set(operationId, docs);
  }
}

/** `spec` as a RouteSpec whose docs throw when read, for the document to fail on, naming the route. */
function undocumented(spec: RouteServing): RouteSpec {
  const missing = (): never => {
    throw new Error(
      `Route ${spec.operationId} (${spec.method.toUpperCase()} ${spec.path}) has no API docs: ` +
        `follow its routes.add with API_DOCS: routes.describe("${spec.operationId}", {...}).`,
    );
  };
  const docs: (keyof RouteDocs)[] = ["summary", "description", "tags", "responses"];
  return Object.defineProperties(
    { ...spec },
    Object.fromEntries(docs.map((key) => [key, { get: missing, enumerable: true }])),
  ) as RouteSpec;
}

async function validInput(
  c: Context<AppEnv>,
  spec: RouteServing,
): Promise<Response | ValidInput<RouteServing>> {
  const request = spec.request ?? {};
  const parts: [keyof ValidInput<RouteServing>, string, z.ZodMiniType | undefined, () => unknown][] = [
    ["query", "query", request.query, () => singleValues(c.req.queries())],
    ["params", "path", request.params, () => c.req.param()],
    ["headers", "header", request.headers, () => c.req.header()],
  ];
  const input: Record<string, unknown> = {};
  for (const [key, where, schema, read] of parts) {
    if (!schema) continue;
    const result = schema.safeParse(read());
    if (!result.success) return invalid(c, fieldErrors(result.error, where));
    input[key] = result.data;
  }
  if (request.body) {
    const result = request.body.safeParse(await jsonBody(c));
    if (!result.success) return invalid(c, fieldErrors(result.error, ""));
    input.body = result.data;
  }
  return input as unknown as ValidInput<RouteServing>;
}

/** The body as JSON. No content type and no body reads as `{}`, so the 400 lists the required fields. */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const contentType = c.req.header("content-type");
  if (contentType === undefined) {
    if ((await c.req.text()).length > 0) throw new HTTPException(415);
    return {};
  }
  if (!JSON_MEDIA_TYPE.test(contentType)) throw new HTTPException(415);
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: "Malformed JSON in request body" });
  }
}

/** A query parameter given once is a string, given several times a list (for the schema to refuse). */
function singleValues(queries: Record<string, string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(queries).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v]),
  );
}

function invalid(c: Context<AppEnv>, errors: ReturnType<typeof fieldErrors>): Response {
  return problemResponse(
    c,
    400,
    `The request does not match the schema: ${errors.map((e) => e.path).join(", ")}.`,
    { code: "validation", errors },
  );
}
