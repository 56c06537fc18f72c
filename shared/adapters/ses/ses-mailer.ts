import {
  BadRequestException,
  MessageRejected,
  type SESv2Client,
  SendEmailCommand,
} from "@aws-sdk/client-sesv2";
import { type Mailer, type OutgoingEmail, PermanentSendFailure } from "../../ports/mailer.js";

/**
 * Sends through SES v2 with the stage's configuration set, so bounces and complaints come back as events.
 * Throttling is left to the SDK's retries and then to the caller's retry; a rejection is permanent.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<string> {
    const headers = email.listUnsubscribeUrl
      ? [
          { Name: "List-Unsubscribe", Value: `<${email.listUnsubscribeUrl}>` },
          { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
        ]
      : [];
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [email.to] },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })),
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: "UTF-8" },
              Body: {
                Text: { Data: email.text, Charset: "UTF-8" },
                Html: { Data: email.html, Charset: "UTF-8" },
              },
              ...(headers.length ? { Headers: headers } : {}),
              ...(email.attachments.length
                ? {
                    Attachments: email.attachments.map((a) => ({
                      FileName: a.filename,
                      ContentType: a.contentType,
                      RawContent: new TextEncoder().encode(a.content),
                      ContentDisposition: "ATTACHMENT" as const,
                    })),
                  }
                : {}),
            },
          },
        }),
      );
      return out.MessageId ?? "unknown";
    } catch (error) {
      if (error instanceof MessageRejected || error instanceof BadRequestException) {
        throw new PermanentSendFailure(error.name);
      }
      throw error;
    }
  }
}
