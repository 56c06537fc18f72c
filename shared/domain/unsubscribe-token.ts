import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How long a booster invitation's opt-out link works: longer than anyone takes to act on an email. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

/** `<patientId>.<issued day>.<signature>`: an id, whole days since 1970, 128 bits of HMAC in base64url. */
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}\.\d{1,6}\.[A-Za-z0-9_-]{22}$/;

const DAY_MS = 86_400_000;

export interface UnsubscribeLink {
  patientId: string;
  issuedDay: number;
  signature: string;
}

/**
 * The secret (one per patient, kept on the patient's item) signs the patient, the day the link was issued
 * and a hash of the address it was sent to. So a link proves it was sent by us to that address, stops
 * working after UNSUBSCRIBE_LINK_DAYS, and stops working when the address changes: a link forwarded
 * from, or left in, an old mailbox cannot change what the patient receives now.
 */
function sign(secret: string, patientId: string, issuedDay: number, email: string): string {
  const address = createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
  return createHmac("sha256", secret)
    .update(`unsubscribe\n${patientId}\n${issuedDay}\n${address}`)
    .digest("base64url")
    .slice(0, 22);
}

export function unsubscribeToken(args: {
  patientId: string;
  email: string;
  secret: string;
  issuedAt: Date;
}): string {
  const issuedDay = Math.floor(args.issuedAt.getTime() / DAY_MS);
  return `${args.patientId}.${issuedDay}.${sign(args.secret, args.patientId, issuedDay, args.email)}`;
}

/** The link in a booster invitation, under the API's public URL. */
export function unsubscribeLinkUrl(
  publicApiUrl: string,
  args: { patientId: string; email: string; secret: string; issuedAt: Date },
): string {
  return `${publicApiUrl.replace(/\/$/, "")}/unsubscribe/${unsubscribeToken(args)}`;
}

/** The parts of a token, or undefined when it is not one we could have sent. Reads nothing. */
export function readUnsubscribeToken(token: string): UnsubscribeLink | undefined {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return undefined;
  const [patientId, day, signature] = token.split(".") as [string, string, string];
  return { patientId, issuedDay: Number(day), signature };
}

/** Signed with this patient's secret for their current address, and issued at most 90 days before now. */
export function unsubscribeLinkHolds(
  link: UnsubscribeLink,
  patient: { email: string; secret: string; now: Date },
): boolean {
  const today = Math.floor(patient.now.getTime() / DAY_MS);
  if (link.issuedDay > today || today - link.issuedDay > UNSUBSCRIBE_LINK_DAYS) return false;
  const expected = Buffer.from(sign(patient.secret, link.patientId, link.issuedDay, patient.email));
  const given = Buffer.from(link.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
