import { DIGEST_LOOKAHEAD_MS, digestDate, isEmptyDigest, remsDigest } from "../domain/rems-digest.js";
import { renderRemsDigest } from "../email/rems-digest-email.js";
import { type Mailer, PermanentSendFailure } from "../ports/mailer.js";
import type { DigestSettlement } from "../ports/store.js";
import { type Deps, loadClinic } from "./deps.js";

/** What the digest needs besides the store and clock: a way to send it. */
export interface DigestDeps extends Deps {
  mailer: Mailer;
}

/** What one run did about today's digest, for logs and tests. */
export type DigestResult =
  | "no-clinic-address"
  | "not-yet"
  | "done-already"
  | "nothing-to-send"
  | "sent"
  | "failed";

/** Longer than a send takes; a run that died mid-send is replaced after it. */
const DIGEST_LEASE_MS = 5 * 60_000;

/**
 * Sends today's digest of monitoring forms to chase, once, to the clinic's own address. Every run (the
 * reconciler's, every few minutes) calls it; all but one find nothing to do.
 * 1. No clinic address, or before the digest time in the clinic's zone: nothing.
 * 2. Claim today's digest with a conditional write: a second run, a retry or a concurrent duplicate finds it
 *    claimed or done and sends nothing.
 * 3. Read the open forms due before the end of tomorrow (two key ranges of the forms' index) and let the
 *    domain sort them: overdue, due today, due tomorrow. None: the day is done without an email.
 * 4. Send; record the day as done. A provider's refusal is recorded (no retry that day); a transient failure
 *    releases the claim for the next run.
 */
export async function sendRemsDigest(deps: DigestDeps): Promise<DigestResult> {
  const clinic = await loadClinic(deps);
  if (!clinic.email) return "no-clinic-address";
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const date = digestDate(now, clinic.timezone);
  if (date === undefined) return "not-yet";
  const claimId = deps.ids();
  const leaseUntil = new Date(nowDate.getTime() + DIGEST_LEASE_MS).toISOString();
  if (!(await deps.store.claimDailyDigest({ date, claimId, now, leaseUntil }))) return "done-already";
  const settle = (
    outcome: DigestSettlement["outcome"],
    extra: Pick<DigestSettlement, "messageId" | "reason"> = {},
  ) => deps.store.settleDailyDigest({ date, claimId, outcome, at: now, ...extra });
  let messageId: string;
  try {
    const lookahead = new Date(nowDate.getTime() + DIGEST_LOOKAHEAD_MS).toISOString();
    const digest = remsDigest(
      await deps.store.listOpenRemsForms({ dueBefore: lookahead }),
      now,
      clinic.timezone,
    );
    if (isEmptyDigest(digest)) {
      await settle("nothing-to-send");
      return "nothing-to-send";
    }
    // Tags are ids and kinds only; email-events settles nothing for an email without a reminder's tags.
    messageId = await deps.mailer.send({
      to: clinic.email,
      ...renderRemsDigest(clinic, digest),
      attachments: [],
      tags: { kind: "rems-digest", digestDate: date },
    });
  } catch (error) {
    if (error instanceof PermanentSendFailure) {
      await settle("failed", { reason: `rejected-${error.message}` });
      return "failed";
    }
    await deps.store.releaseDailyDigest({ date, claimId });
    throw error;
  }
  // Outside the try: once the email is out, a failure to record it must not free the day for another send.
  await settle("sent", { messageId });
  return "sent";
}

/** How many monitoring forms are overdue now: the alarm's metric. One counted key range, no items read. */
export async function countOverdueRemsForms(deps: Pick<Deps, "store" | "clock">): Promise<number> {
  return deps.store.countOpenRemsForms(deps.clock.now().toISOString());
}
