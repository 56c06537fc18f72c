import type { Block } from "./email-blocks.js";
import type { EmailAttachment } from "./email-input.js";

/** What one kind of email says, before the shared greeting, contact footer and rendering. */
export interface EmailDraft {
  subject: string;
  /** The body between the greeting and the shared contact footer. */
  blocks: Block[];
  attachments: EmailAttachment[];
  listUnsubscribeUrl?: string;
  /** The kind's own sign-off line; a cancellation does not look forward to seeing anyone. */
  closing: string;
}
