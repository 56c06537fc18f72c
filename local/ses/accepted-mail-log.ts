import { appendFileSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import type { StoredEmail } from "../ses-emulator.js";

/** One email SES accepted, as the emulator's inbox and SES's event publishing both need it. */
export interface AcceptedEmail {
  /** Position in the log: increases with every entry, never reused (the event pump's cursor). */
  seq: number;
  /** The SendEmail request's ConfigurationSetName: events go to the stack that sent with it. */
  configurationSet?: string;
  /** The SendEmail request's EmailTags, as SES echoes them in events. */
  tags: Record<string, string>;
  email: StoredEmail;
}

/** A POST /clear-store: the inbox starts empty from here, while events already published stay. */
interface Cleared {
  seq: number;
  cleared: true;
}

type Entry = AcceptedEmail | Cleared;

/**
 * Every email the SES emulator accepted, in order, appended to `<dir>/accepted-emails.jsonl` before
 * the emulator answers (or kept in memory without a dir). One line per entry, written with one append:
 * a `kill -9` leaves at most a torn last line of an email nobody was told was accepted, which loading
 * drops. No fsync: a killed process loses nothing the kernel already has; power loss is out of scope here.
 */
export class AcceptedMailLog {
  private readonly entries: Entry[] = [];
  private readonly file: string | undefined;

  constructor(dir?: string) {
    this.file = dir === undefined ? undefined : join(dir, "accepted-emails.jsonl");
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
    if (this.file !== undefined) this.entries.push(...load(this.file));
  }

  append(email: Omit<AcceptedEmail, "seq">): AcceptedEmail {
    const entry: AcceptedEmail = { seq: this.nextSeq(), ...email };
    this.write(entry);
    return entry;
  }

  clear(): void {
    this.write({ seq: this.nextSeq(), cleared: true });
  }

  /** The inbox: every email since the last clear, oldest first. */
  inbox(): StoredEmail[] {
    const lastClear = this.entries.findLastIndex((e) => "cleared" in e);
    return this.entries.slice(lastClear + 1).flatMap((e) => ("email" in e ? [e.email] : []));
  }

  /** Accepted emails after `seq`, sent with `configurationSet`, at most `limit`. */
  acceptedAfter(seq: number, configurationSet: string | undefined, limit: number): AcceptedEmail[] {
    const found: AcceptedEmail[] = [];
    for (const entry of this.entries) {
      if (found.length >= limit) break;
      if (entry.seq <= seq || !("email" in entry)) continue;
      if (entry.configurationSet === configurationSet) found.push(entry);
    }
    return found;
  }

  /** The last seq written: a reader past it (a log deleted under a kept cursor) starts over. */
  lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  private nextSeq(): number {
    return this.lastSeq() + 1;
  }

  private write(entry: Entry): void {
    if (this.file !== undefined) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.entries.push(entry);
  }
}

function load(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const complete = text.lastIndexOf("\n") + 1;
  // A torn last line: the process died mid-append, before answering; cut it so the next append is whole.
  if (complete < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, complete)));
  return text
    .slice(0, complete)
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Entry);
}
