import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { watchChild } from "./child-process.js";
import { assertPortFree } from "./free-port.js";
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
  /** Every email sent since start (or the last clear), oldest first. */
  store(): Promise<StoredEmail[]>;
  /** Empties the store (and the emulator's templates). */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `aws-ses-v2-local` as a child process rather than in-process: its store is a module global and
 * a malformed raw MIME makes it reject a promise nobody awaits, which would crash our own process.
 */
export async function startSesEmulator(options: {
  port: number;
  startTimeoutMs?: number;
}): Promise<SesEmulator> {
  await assertPortFree(options.port, "SES emulator");
  const cli = createRequire(import.meta.url).resolve("aws-ses-v2-local/dist/cli.js");
  // 127.0.0.1 rather than its default "::", which fails on hosts with IPv6 disabled.
  const child = spawn(process.execPath, [cli, "--port", String(options.port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    // An SMTP relay configured in the user's shell would forward test mail to real inboxes.
    env: { ...process.env, SMTP_TRANSPORT: "" },
  });
  const watched = watchChild(child, "SES emulator");
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntil(async () => (await fetch(`${endpoint}/health-check`)).ok, {
      timeoutMs: options.startTimeoutMs ?? 15_000,
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
