import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SchedulerApiError, validationError } from "./errors.js";
import * as operations from "./operations.js";
import type { ScheduleStore } from "./schedule-store.js";

type Route = (store: ScheduleStore, name: string, query: URLSearchParams, body: unknown) => unknown;

/** Method + path template → operation, as in the SDK's `{ http: [method, path] }` operation schemas. */
const ROUTES: Record<string, Route> = {
  "POST /schedules/{Name}": (store, name, _query, body) => operations.createSchedule(store, name, body),
  "PUT /schedules/{Name}": (store, name, _query, body) => operations.updateSchedule(store, name, body),
  "GET /schedules/{Name}": (store, name, query) =>
    operations.getSchedule(store, name, query.get("groupName")),
  "DELETE /schedules/{Name}": (store, name, query) =>
    operations.deleteSchedule(store, name, query.get("groupName")),
  "GET /schedules": (store, _name, query) => operations.listSchedules(store, query),
  "POST /schedule-groups/{Name}": (store, name) => operations.createScheduleGroup(store, name),
  "GET /schedule-groups/{Name}": (store, name) => operations.getScheduleGroup(store, name),
  "GET /schedule-groups": (store, _name, query) => operations.listScheduleGroups(store, query),
};

/** An HTTP server speaking Scheduler's REST-JSON protocol, so an unmodified SchedulerClient works. */
export function createSchedulerServer(store: ScheduleStore): Server {
  return createServer((request, response) => {
    handle(store, request, response).catch((error: unknown) => {
      send(
        response,
        500,
        { Message: `scheduler emulator failed: ${String(error)}` },
        "InternalServerException",
      );
    });
  });
}

async function handle(
  store: ScheduleStore,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const segments = url.pathname.split("/").filter(Boolean);
  const [collection, rawName, ...rest] = segments;
  const template = rawName === undefined ? `/${collection ?? ""}` : `/${collection}/{Name}`;
  const route = rest.length === 0 ? ROUTES[`${request.method} ${template}`] : undefined;
  const rawBody = await readBody(request);
  if (!route) {
    send(
      response,
      404,
      { Message: `${request.method} ${url.pathname} is not emulated` },
      "UnknownOperationException",
    );
    return;
  }
  try {
    const body = parseJson(rawBody);
    const name = rawName === undefined ? "" : decodeURIComponent(rawName);
    send(response, 200, route(store, name, url.searchParams, body));
  } catch (error) {
    if (!(error instanceof SchedulerApiError)) throw error;
    send(response, error.status, { Message: error.message, message: error.message }, error.type);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw validationError("The request body is not valid JSON.");
  }
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = { "content-type": "application/json" };
  // The SDK reads the modeled exception name from this header (or `__type` in the body).
  if (errorType) headers["x-amzn-errortype"] = errorType;
  const payload = errorType ? { __type: errorType, ...(body as object) } : body;
  response.writeHead(status, headers).end(JSON.stringify(payload));
}
