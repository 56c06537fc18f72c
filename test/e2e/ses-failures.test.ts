import {
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SesMailer } from "../../shared/adapters/ses/ses-mailer.js";
import { sendReminder } from "../../shared/use-cases/send-reminder.js";
import { apiHarness, eligiblePatient } from "../support/api-harness.js";

// The SES emulator never throttles or rejects, so these two paths use a mocked SES client; the table is real.
const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());
// Test files share a worker process (vitest.config.ts, isolate: false): the files after this one send to the real emulator.
afterAll(() => ses.restore());

async function pendingConfirmation() {
  const api = await apiHarness();
  const patientId = await eligiblePatient(api, ["iv-ketamine"]);
  const booked = await api.call("POST", "/appointments", {
    patientId,
    service: "iv-ketamine",
    start: "2026-12-09T10:00:00-05:00",
  });
  const confirmation = booked.body.reminders.find((r: { kind: string }) => r.kind === "confirmation");
  const deps = api.reminderDeps(
    new SesMailer(new SESv2Client({ region: "us-east-1" }), "reminders@clinic.example", "clinic-config-set"),
  );
  const job = { reminderId: confirmation.id, appointmentId: booked.body.id, dueAt: confirmation.dueAt };
  const status = async () =>
    (await api.call("GET", `/appointments/${booked.body.id}`)).body.reminders.find(
      (r: { id: string }) => r.id === confirmation.id,
    );
  return { deps, job, status };
}

describe("SES failures", () => {
  it("throttling lets the reminder go for a retry, which then sends it once", async () => {
    const { deps, job, status } = await pendingConfirmation();
    ses
      .on(SendEmailCommand)
      .rejectsOnce(new TooManyRequestsException({ message: "slow down", $metadata: {} }))
      .resolves({
        MessageId: "ses-message-1",
      });
    await expect(sendReminder(deps, job)).rejects.toThrow("slow down");
    expect(await status()).toMatchObject({ status: "scheduled" });
    // The retry (Lambda's, or Scheduler's) can claim it again at once: the claim was released.
    expect(await sendReminder(deps, job)).toEqual({ result: "sent", messageId: "ses-message-1" });
    expect(await status()).toMatchObject({ status: "sent", messageId: "ses-message-1" });
    const sent = ses.commandCalls(SendEmailCommand);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.args[0].input.ConfigurationSetName).toBe("clinic-config-set");
  });

  it("a permanent rejection marks the reminder failed with the reason, and is not retried", async () => {
    const { deps, job, status } = await pendingConfirmation();
    ses
      .on(SendEmailCommand)
      .rejects(new MessageRejected({ message: "Email address is not verified", $metadata: {} }));
    expect(await sendReminder(deps, job)).toEqual({ result: "failed", reason: "rejected-MessageRejected" });
    expect(await status()).toMatchObject({ status: "failed", reason: "rejected-MessageRejected" });
    // A later delivery of the same schedule does nothing.
    expect(await sendReminder(deps, job)).toMatchObject({ result: "ignored" });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });
});
