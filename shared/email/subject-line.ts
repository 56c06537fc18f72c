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
 * The clinic's name as it may appear before an email is opened (subject, calendar title): its
 * `subjectName` setting, else its name. Many clinics carry the treatment in their name ("Ketamine Wellness
 * Center"); when neither reads as neutral, "Your clinic" stands in, because the subject must not tell a
 * bystander what the visit is for. `subjectName` was checked when saved; it is checked again here, as the
 * list of terms may have grown since.
 */
export function publicClinicName(clinic: Pick<Clinic, "name" | "subjectName">): string {
  for (const candidate of [clinic.subjectName, clinic.name]) {
    const name = oneLine(candidate ?? "");
    if (name !== "" && findForbiddenWord(name) === undefined) return name;
  }
  return FALLBACK_NAME;
}

/** False when the clinic's name gives away the treatment; bodies then leave the name out too. */
export function hasNeutralName(clinic: Pick<Clinic, "name">): boolean {
  const name = oneLine(clinic.name);
  return name !== "" && findForbiddenWord(name) === undefined;
}

/** "<clinic>: <what happened>", checked before it leaves the renderer. */
export function subjectLine(clinic: Pick<Clinic, "name" | "subjectName">, phrase: string): string {
  const subject = `${publicClinicName(clinic)}: ${oneLine(phrase)}`;
  // A name and our phrase could together read as a term neither holds alone.
  const safe = findForbiddenWord(subject) === undefined ? subject : `${FALLBACK_NAME}: ${oneLine(phrase)}`;
  assertSafeSubject(safe);
  return safe;
}
