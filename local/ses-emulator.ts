import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { watchChild, withParentDeathSignal } from "./child-process.js";
import { assertPortFree, awaitPortFree } from "./free-port.js";
import { reapLeftover, writePidFile } from "./leftover-process.js";
import { waitUntil } from "./wait-until.js";

/**
 * One email as `aws-ses-v2-local` keeps it (GET /store → `{ templates, emails: StoredEmail[] }`).
 * For `Content.Raw` it parses the MIME with mailparser: `destination.to` then holds each header's display
 * text (e.g. `"Ann <ann@example.com>"`), and attachments carry mailparser's extra fields.
 */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: StoredAttachment[];
  headers?: { name: string; value: string }[];
  /** Epoch seconds (wall time, not the local clock). */
  at: number;
}

export interface StoredAttachment {
  /** Base64 of the decoded attachment bytes. */
  content: string;
  contentType: string;
  filename?: string;
  size: number;
  contentDisposition?: string;
  contentId?: string;
  /** Raw MIME only: mailparser's MD5 of the content. */
  checksum?: string;
}

export interface SesEmulator {
  endpoint: string;
  port: number;
  /** The child's pid (tests kill it to play a crash). */
  pid: number;
  /** Every email sent since start (or the last clear), oldest first. */
  store(): Promise<StoredEmail[]>;
  /** Empties the store (and the emulator's templates). */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `aws-ses-v2-local` as a child process rather than in-process: its store is a module global and
 * a malformed raw MIME makes it reject a promise nobody awaits, which would crash our own process.
 * The child is our entry, local/ses/ses-server.ts, which keeps every accepted email with its tags (under
 * `dataDir`, across restarts) for the inbox and for SES's events (local/ses/ses-event-pump.ts).
 */
export async function startSesEmulator(options: {
  port: number;
  /** Where the inbox persists; undefined keeps it in memory. */
  dataDir?: string;
  startTimeoutMs?: number;
}): Promise<SesEmulator> {
  const pidFile = options.dataDir === undefined ? undefined : join(options.dataDir, "ses-server.pid");
  // An emulator a killed `npm start` left on this data dir would hold the port.
  const reaped =
    options.dataDir !== undefined && pidFile !== undefined
      ? await reapLeftover(pidFile, options.dataDir)
      : undefined;
  if (reaped === undefined) await assertPortFree(options.port, "SES emulator");
  else await awaitPortFree(options.port, "SES emulator");
  const entry = fileURLToPath(new URL("./ses/ses-server.ts", import.meta.url));
  const tsx = createRequire(import.meta.url).resolve("tsx/esm");
  const args = ["--import", pathToFileURL(tsx).href, entry, "--port", String(options.port)];
  // 127.0.0.1 rather than its default "::", which fails on hosts with IPv6 disabled.
  args.push("--host", "127.0.0.1");
  if (options.dataDir !== undefined) args.push("--data-dir", options.dataDir);
  const child = spawn(...withParentDeathSignal(process.execPath, args), {
    stdio: ["ignore", "pipe", "pipe"],
    // An SMTP relay configured in the user's shell would forward test mail to real inboxes.
    env: { ...process.env, SMTP_TRANSPORT: "" },
  });
  if (pidFile !== undefined) writePidFile(pidFile, child.pid);
  const watched = watchChild(child, "SES emulator");
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(async () => (await fetch(`${endpoint}/health-check`)).ok, {
      timeoutMs: options.startTimeoutMs ?? 60_000,
      what: `SES emulator on port ${options.port}`,
      abort: () => watched.exitError(),
    });
  } catch (error) {
    await watched.stop();
    throw error;
  }
  return {
    endpoint,
    port: options.port,
    pid: child.pid as number,
    store: () => readSesStore(endpoint),
    clear: () => clearSesStore(endpoint),
    stop: () => watched.stop(),
  };
}

/** Reads the store of an emulator at `endpoint`; tests use this directly with the injected endpoint. */
export async function readSesStore(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`SES emulator GET /store answered ${response.status}`);
  const body = (await response.json()) as { emails: StoredEmail[] };
  return body.emails;
}

export async function clearSesStore(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/clear-store`, { method: "POST" });
  if (!response.ok) throw new Error(`SES emulator POST /clear-store answered ${response.status}`);
}
