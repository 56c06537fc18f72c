import { findRevealingTerm, SUBJECT_TERMS } from "../domain/subject-privacy.js";

/**
 * What a subject line (and anything else shown before an email is opened: the calendar title, the
 * organizer) must never carry: a drug, a diagnosis or a treatment. Subjects sit on lock screens and in
 * shared inboxes. The rule, with its spellings and languages, is the domain's (domain/subject-privacy.ts).
 */
export const FORBIDDEN_SUBJECT_WORDS = SUBJECT_TERMS;

/** The first forbidden word the text reads as, if any. */
export function findForbiddenWord(text: string): string | undefined {
  return findRevealingTerm(text)?.reads;
}

export class UnsafeSubjectError extends Error {
  override readonly name = "UnsafeSubjectError";
}

// Header injection: a subject is one header line.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Throws unless the subject is one line free of every forbidden word. */
export function assertSafeSubject(subject: string): void {
  if (CONTROL.test(subject)) throw new UnsafeSubjectError("subject contains a control character");
  const word = findForbiddenWord(subject);
  if (word !== undefined) throw new UnsafeSubjectError(`subject names a forbidden word: ${word}`);
}
