import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../local/free-port.js";
import { readSesStore, type SesEmulator, startSesEmulator } from "../../local/ses-emulator.js";
import { services, TEST_CREDENTIALS, TEST_REGION } from "../support/services.js";

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//clinic//test//EN",
  "BEGIN:VEVENT",
  "UID:appt-1@clinic.test",
  "DTSTAMP:20260301T120000Z",
  "DTSTART:20260310T150000Z",
  "DTEND:20260310T170000Z",
  "SUMMARY:Clinic appointment",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

/** A multipart/mixed message with text and HTML alternatives and an .ics attachment, as the mailer sends. */
function rawMessage(to: string, subject: string): string {
  return [
    "From: Clinic <no-reply@clinic.test>",
    `To: ${to}`,
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="mixed"',
    "",
    "--mixed",
    'Content-Type: multipart/alternative; boundary="alt"',
    "",
    "--alt",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "Your appointment is on 10 March at 15:00.",
    "--alt",
    "Content-Type: text/html; charset=UTF-8",
    "",
    "<p>Your appointment is on 10 March at 15:00.</p>",
    "--alt--",
    "--mixed",
    'Content-Type: text/calendar; charset=UTF-8; method=REQUEST; name="appointment.ics"',
    'Content-Disposition: attachment; filename="appointment.ics"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(ICS).toString("base64"),
    "--mixed--",
    "",
  ].join("\r\n");
}

describe("SES emulator", () => {
  const client = () =>
    new SESv2Client({ endpoint: services().sesEndpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });

  it("stores a raw MIME email with its .ics attachment, readable from GET /store", async () => {
    const subject = `Appointment confirmed ${crypto.randomUUID()}`;
    const sent = await client().send(
      new SendEmailCommand({
        FromEmailAddress: "no-reply@clinic.test",
        Destination: { ToAddresses: ["ann@example.com"] },
        Content: { Raw: { Data: new TextEncoder().encode(rawMessage("Ann <ann@example.com>", subject)) } },
      }),
    );
    expect(sent.MessageId).toEqual(expect.any(String));

    const email = (await readSesStore(services().sesEndpoint)).find((e) => e.subject === subject);
    expect(email).toMatchObject({
      messageId: sent.MessageId,
      // Raw mail is parsed by mailparser: addresses come from the MIME headers, display names quoted.
      from: '"Clinic" <no-reply@clinic.test>',
      destination: { to: ['"Ann" <ann@example.com>'], cc: [], bcc: [] },
      body: {
        text: expect.stringContaining("10 March at 15:00"),
        html: expect.stringContaining("<p>Your appointment"),
      },
    });
    expect(email?.attachments).toHaveLength(1);
    const [attachment] = email?.attachments ?? [];
    expect(attachment).toMatchObject({ filename: "appointment.ics", contentType: "text/calendar" });
    expect(Buffer.from(attachment?.content ?? "", "base64").toString("utf8")).toBe(ICS);
  });

  it("stores a simple email with its recipients as plain addresses", async () => {
    const subject = `Reminder ${crypto.randomUUID()}`;
    await client().send(
      new SendEmailCommand({
        FromEmailAddress: "no-reply@clinic.test",
        Destination: { ToAddresses: ["bob@example.com"] },
        Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: "See you tomorrow." } } } },
      }),
    );
    const email = (await readSesStore(services().sesEndpoint)).find((e) => e.subject === subject);
    expect(email).toMatchObject({
      destination: { to: ["bob@example.com"] },
      body: { text: "See you tomorrow." },
    });
  });

  describe("lifecycle", () => {
    let own: SesEmulator;
    beforeAll(async () => {
      own = await startSesEmulator({ port: await freePort() });
    });
    afterAll(async () => {
      await own?.stop();
    });

    it("clear() empties its store, and a taken port is reported clearly", async () => {
      await new SESv2Client({
        endpoint: own.endpoint,
        region: TEST_REGION,
        credentials: TEST_CREDENTIALS,
      }).send(
        new SendEmailCommand({
          FromEmailAddress: "no-reply@clinic.test",
          Destination: { ToAddresses: ["c@example.com"] },
          Content: { Simple: { Subject: { Data: "x" }, Body: { Text: { Data: "y" } } } },
        }),
      );
      expect(await own.store()).toHaveLength(1);
      await own.clear();
      expect(await own.store()).toEqual([]);

      await expect(startSesEmulator({ port: own.port })).rejects.toThrow(
        `port ${own.port} (SES emulator) is taken; set SES_PORT to another port`,
      );
    });
  });
});
