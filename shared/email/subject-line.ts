import type { Clinic } from "../domain/clinic.js";
import { assertSafeSubject, findForbiddenWord } from "./forbidden-words.js";

const FALLBACK_NAME = "Your clinic";

/** Collapses line breaks and other control characters: header values are one line. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The clinic's name as it may appear before an email is opened (subject, calendar title).
 * Many clinics carry the treatment in their name ("Ketamine Wellness Center"); for them a
 * neutral stand-in is used, because the subject must not tell a bystander what the visit is for.
 */
export function publicClinicName(clinic: Pick<Clinic, "name">): string {
  return hasNeutralName(clinic) ? oneLine(clinic.name) : FALLBACK_NAME;
}

/** False when the clinic's name gives away the treatment; bodies then leave the name out too. */
export function hasNeutralName(clinic: Pick<Clinic, "name">): boolean {
  const name = oneLine(clinic.name);
  return name !== "" && findForbiddenWord(name) === undefined;
}

/** "<clinic>: <what happened>", checked before it leaves the renderer. */
export function subjectLine(clinic: Pick<Clinic, "name">, phrase: string): string {
  const subject = `${publicClinicName(clinic)}: ${oneLine(phrase)}`;
  assertSafeSubject(subject);
  return subject;
}
