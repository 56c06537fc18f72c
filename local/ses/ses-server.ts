/**
 * The SES emulator's process (started by local/ses-emulator.ts): `aws-ses-v2-local`'s own app, with
 * what it lacks for `npm start` to survive a `kill -9`:
 * - each email it accepts is appended, with the request's EmailTags and ConfigurationSetName (which
 *   aws-ses-v2-local drops), to a log under `--data-dir` before the answer goes out, and the inbox is
 *   loaded from that log on start;
 * - `GET /accepted-emails?configurationSet=&after=&limit=` lists accepted emails for SES's event
 *   publishing (local/ses/ses-event-pump.ts turns them into Send, Bounce and Complaint events);
 * - it exits when its parent dies, so a killed `npm start` does not leave it holding the port.
 * Usage: ses-server.ts --port N [--host 127.0.0.1] [--data-dir DIR]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { exitWhenParentDies } from "../exit-when-parent-dies.js";
import type { StoredEmail } from "../ses-emulator.js";
import { AcceptedMailLog } from "./accepted-mail-log.js";

const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" }, "data-dir": { type: "string" } },
});
const port = Number(values.port);
const host = values.host ?? "127.0.0.1";

const require = createRequire(import.meta.url);
const sesLocal = require("aws-ses-v2-local").default as (config: {
  port: number;
  host: string;
}) => Promise<Server>;
const sesStore = require("aws-ses-v2-local/dist/store.js") as {
  getStoreReadonly(): { emails: StoredEmail[] };
};

const log = new AcceptedMailLog(values["data-dir"]);
sesStore.getStoreReadonly().emails.push(...log.inbox());

// Its express app, taken from a throwaway listener so that ours can stand in front of it.
const inner = await sesLocal({ port: 0, host: "127.0.0.1" });
const app = inner.listeners("request")[0] as (req: IncomingMessage, res: ServerResponse) => void;
inner.close();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET" && url.pathname === "/accepted-emails") {
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const configurationSet = url.searchParams.get("configurationSet") ?? undefined;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ lastSeq: log.lastSeq(), emails: log.acceptedAfter(after, configurationSet, limit) }),
    );
    return;
  }
  if (req.method === "POST" && url.pathname === "/clear-store") log.clear();
  if (req.method === "POST" && url.pathname === "/v2/email/outbound-emails") persistBeforeAnswering(req, res);
  app(req, res);
});

/**
 * Holds SendEmail's 200 answer until the accepted email is in the log. Express has parsed the request
 * body onto `req.body` by then, and the emulator has stored the email under the MessageId it answers.
 */
function persistBeforeAnswering(req: IncomingMessage, res: ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode !== 200 || chunk === undefined) return end(chunk, ...rest);
    try {
      const { MessageId } = JSON.parse(String(chunk)) as { MessageId: string };
      const email = sesStore.getStoreReadonly().emails.findLast((e) => e.messageId === MessageId);
      if (!email) throw new Error(`the emulator stored no email ${MessageId}`);
      const body = (req as IncomingMessage & { body?: SendEmailBody }).body ?? {};
      log.append({
        ...(body.ConfigurationSetName ? { configurationSet: body.ConfigurationSetName } : {}),
        tags: Object.fromEntries((body.EmailTags ?? []).map((t) => [t.Name, t.Value])),
        email,
      });
      return end(chunk, ...rest);
    } catch (error) {
      // Not written down, so not accepted: the caller retries, as after an SES 500.
      res.statusCode = 500;
      res.setHeader("x-amzn-errortype", "InternalFailure");
      return end(JSON.stringify({ message: `could not keep the email: ${String(error)}` }));
    }
  }) as typeof res.end;
}

interface SendEmailBody {
  ConfigurationSetName?: string;
  EmailTags?: { Name: string; Value: string }[];
}

server.listen(port, host, () => console.log(`ses-server: listening on ${host}:${port}`));
exitWhenParentDies();
