import { readJsonFile, writeJsonFile } from "../json-file.js";
import { sesEventsFor } from "../mailbox-simulator.js";
import type { AcceptedEmail } from "./accepted-mail-log.js";

/** An event the handler still refused after every attempt: EventBridge's dead-letter queue, locally. */
export interface EventFailure {
  messageId: string;
  eventType: string;
  error: string;
  at: string;
}

export interface SesEventPump {
  /** Delivers the events of every email accepted since the last call; returns how many were delivered. */
  drain(): Promise<number>;
  failures(): EventFailure[];
}

/**
 * SES's event publishing, locally: reads the emails the SES emulator accepted with `configurationSet`
 * (local/ses/ses-server.ts keeps them) and hands each one's events to `handler`, as EventBridge would.
 * At least once: the cursor (in `stateFile`) moves past an email only after all its events were handled,
 * so an email accepted just before a `kill -9` gets its events after the restart.
 */
export function createSesEventPump(options: {
  endpoint: string;
  configurationSet: string;
  handler: (event: unknown) => Promise<void>;
  stateFile?: string;
  /** Handler calls per event before it goes to failures(); EventBridge retries for up to a day. */
  maxAttempts?: number;
}): SesEventPump {
  const maxAttempts = options.maxAttempts ?? 3;
  const saved = options.stateFile === undefined ? undefined : readJsonFile(options.stateFile);
  let after = (saved as { after?: number } | undefined)?.after ?? 0;
  const failed: EventFailure[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  async function deliver(accepted: AcceptedEmail) {
    for (const event of sesEventsFor(accepted)) {
      let lastError = "";
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        try {
          await options.handler(event);
          lastError = "";
          break;
        } catch (error) {
          lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
      if (lastError) {
        failed.push({
          messageId: accepted.email.messageId,
          eventType: (event as { detail: { eventType: string } }).detail.eventType,
          error: lastError,
          at: new Date().toISOString(),
        });
      }
    }
  }

  async function drainOnce(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const query = new URLSearchParams({
        configurationSet: options.configurationSet,
        after: String(after),
        limit: "100",
      });
      const response = await fetch(`${options.endpoint}/accepted-emails?${query}`);
      if (!response.ok) throw new Error(`SES emulator GET /accepted-emails answered ${response.status}`);
      const page = (await response.json()) as { lastSeq: number; emails: AcceptedEmail[] };
      // A cursor past the log's end belongs to a log that was deleted: start over with the new one.
      if (after > page.lastSeq) {
        after = 0;
        continue;
      }
      for (const accepted of page.emails) {
        await deliver(accepted);
        delivered += 1;
        after = accepted.seq;
        if (options.stateFile !== undefined) writeJsonFile(options.stateFile, { after });
      }
      if (page.emails.length === 0) return delivered;
    }
  }

  return {
    drain() {
      const run = queue.then(drainOnce);
      queue = run.catch(() => undefined);
      return run;
    },
    failures: () => [...failed],
  };
}
