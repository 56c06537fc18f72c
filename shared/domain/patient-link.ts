import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** What a patient can answer from an email: they will come, or they cannot. */
export const PATIENT_ACTIONS = ["confirm", "cancel"] as const;
export type PatientAction = (typeof PATIENT_ACTIONS)[number];

/** A signing key and its id: the id travels in the link, so a link names the key that signed it. */
export interface LinkKey {
  id: string;
  secret: string;
}

/**
 * The keys links are checked against: the one new links are signed with, and the one before it, so
 * links already in patients' mailboxes keep working through one rotation.
 */
export interface LinkKeyRing {
  current: LinkKey;
  previous?: LinkKey;
}

/**
 * `<key id>.<appointment id>.<expiry>.<signature>`: the key's fingerprint, the appointment, when the link
 * stops working (the appointment's start, in seconds since 1970) and 132 bits of HMAC in base64url. No
 * name, address or readable date: a link forwarded or left in a mail log says nothing about the patient.
 */
export const PATIENT_LINK_PATTERN = /^[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{1,64}\.\d{1,11}\.[A-Za-z0-9_-]{22}$/;

export interface PatientLink {
  keyId: string;
  appointmentId: string;
  /** The start of the appointment the link was sent for: it expires then, and names that very time. */
  expiresAt: string;
  signature: string;
}

/**
 * A key's id is a fingerprint of the key itself (48 bits of its SHA-256), so a key needs no id managed
 * beside it: whatever holds the key (Secrets Manager, an environment variable) holds its id too.
 */
export function linkKey(secret: string): LinkKey {
  return { id: createHash("sha256").update(secret).digest("base64url").slice(0, 8), secret };
}

/** The ring from keys as a secret store lists them: the current first, then the previous one, if any. */
export function linkKeyRing(secrets: readonly string[]): LinkKeyRing {
  const [current, previous] = secrets.map((s) => s.trim()).filter((s) => s.length > 0);
  if (current === undefined) throw new Error("no patient-link signing key");
  return { current: linkKey(current), ...(previous !== undefined ? { previous: linkKey(previous) } : {}) };
}

/** The action is signed too, so a Confirm link cannot be turned into a Cancel link by editing its path. */
function sign(key: LinkKey, action: PatientAction, appointmentId: string, expirySeconds: number): string {
  return createHmac("sha256", key.secret)
    .update(`patient-link\n${key.id}\n${action}\n${appointmentId}\n${expirySeconds}`)
    .digest("base64url")
    .slice(0, 22);
}

const seconds = (instant: string) => Math.floor(new Date(instant).getTime() / 1000);

/** A link for one appointment at the start it has now, signed with the ring's current key. */
export function signPatientLink(args: {
  keys: LinkKeyRing;
  action: PatientAction;
  appointmentId: string;
  start: string;
}): string {
  const key = args.keys.current;
  const expiry = seconds(args.start);
  return `${key.id}.${args.appointmentId}.${expiry}.${sign(key, args.action, args.appointmentId, expiry)}`;
}

/** Where a link leads: the page of its action, under the API's public URL. */
export function patientLinkUrl(publicApiUrl: string, action: PatientAction, token: string): string {
  return `${publicApiUrl.replace(/\/$/, "")}/visit/${token}/${action}`;
}

/** The parts of a token, or undefined when it is not shaped like one we send. Checks no signature. */
export function readPatientLink(token: string): PatientLink | undefined {
  if (!PATIENT_LINK_PATTERN.test(token)) return undefined;
  const [keyId, appointmentId, expiry, signature] = token.split(".") as [string, string, string, string];
  const expiresMs = Number(expiry) * 1000;
  if (!Number.isSafeInteger(expiresMs) || expiresMs > Date.UTC(2200, 0, 1)) return undefined;
  return { keyId, appointmentId, expiresAt: new Date(expiresMs).toISOString(), signature };
}

/** Why a link is not one to act on: not signed by a key we hold, or past the start it was sent for. */
export type LinkProblem = "unknown-key" | "forged" | "expired";

/**
 * Checks a link against the key ring and the clock, reading nothing else. A link signed with a key that is
 * neither current nor previous (retired two rotations ago, or never ours) is refused like a forged one.
 */
export function checkPatientLink(
  link: PatientLink,
  action: PatientAction,
  keys: LinkKeyRing,
  now: string,
): LinkProblem | undefined {
  const key = [keys.current, keys.previous].find((k) => k?.id === link.keyId);
  if (!key) return "unknown-key";
  const expected = Buffer.from(sign(key, action, link.appointmentId, seconds(link.expiresAt)));
  const given = Buffer.from(link.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  if (now >= link.expiresAt) return "expired";
  return undefined;
}
