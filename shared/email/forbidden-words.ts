/**
 * Words a subject line (and anything else shown before an email is opened: the calendar title,
 * the organizer) must never carry. Subjects sit on lock screens and in shared inboxes, and these
 * name a drug, a diagnosis or a treatment.
 * Long words match inside others ("ketamine" in "esketamine", "depress" in "depressed");
 * short acronyms match as whole words only, so "Kaplan" or "Rivers" stay innocent.
 */
export const FORBIDDEN_SUBJECT_WORDS = [
  "ketamine",
  "esketamine",
  "spravato",
  "ketalar",
  "infusion",
  "psychotherapy",
  "psychedelic",
  "psychiatr",
  "depress",
  "anxiety",
  "suicid",
  "ptsd",
  "nasal spray",
  "anesthe",
  "anaesthe",
  "mental health",
  "kap",
  "rems",
  "iv",
  "im",
] as const;

const WHOLE_WORD_ONLY = new Set<string>(["kap", "rems", "iv", "im", "ptsd"]);

const patterns = FORBIDDEN_SUBJECT_WORDS.map((word) => {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s\\-_]*");
  return {
    word,
    pattern: WHOLE_WORD_ONLY.has(word)
      ? new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu")
      : new RegExp(escaped, "iu"),
  };
});

/** The first forbidden word found in the text, if any. */
export function findForbiddenWord(text: string): string | undefined {
  // Accents and invisible characters must not hide a word ("Ketamíne", "keta\u200Bmine").
  const plain = text.normalize("NFKD").replace(/[\p{M}\p{Cf}]/gu, "");
  return patterns.find(({ pattern }) => pattern.test(plain))?.word;
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
