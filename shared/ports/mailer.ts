export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  /** RFC 8058 one-click unsubscribe target, for booster invitations. */
  listUnsubscribeUrl?: string;
  /** Opaque ids SES echoes back in bounce and complaint events; never PHI. */
  tags: Record<string, string>;
}

export interface Mailer {
  /** Sends one email and returns the provider's message id. */
  send(email: OutgoingEmail): Promise<string>;
}

/** The provider refused this message for good (bad address, rejected content): retrying cannot help. */
export class PermanentSendFailure extends Error {}
