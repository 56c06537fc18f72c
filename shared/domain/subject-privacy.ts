import { CONFUSABLES_BY_PROTOTYPE } from "./confusable-letters.js";
import { RuleViolation } from "./errors.js";

/**
 * Whether a name gives away what a patient is treated for, when it stands where anyone can read it: an
 * email's subject on a lock screen, the title of a calendar event. A clinic's legal name may say
 * "Ketamine"; the name its subjects use must not.
 *
 * The rule is a list of terms (drugs, treatments, diagnoses, in English, German, French, Spanish, Italian,
 * Portuguese and Dutch) compared after folding the way a reader's eye does: Unicode compatibility forms
 * (NFKC), accents, confusable letters from other scripts (UTS #39 skeletons: a Cyrillic "К" is a "K"),
 * digits and signs for letters ("K3t@mine"), and case. Separators do not hide a term ("Ket-amine",
 * "M.D.M.A"). Short terms must stand as a word of their own, so "Kaplan" or "Ivy" are not "KAP" or "IV".
 */

type Means = "a drug" | "a treatment" | "a diagnosis";
/** Where a term must sit: anywhere (long, distinctive stems), at the start of a word, or as a whole word. */
type Placement = "anywhere" | "word-start" | "word";

interface Term {
  /** What the 422 names: the term as a reader would recognise it. */
  reads: string;
  stem: string;
  at: Placement;
  means: Means;
}

const term = (stem: string, at: Placement, means: Means, reads = stem): Term => ({ stem, at, means, reads });

const TERMS: readonly Term[] = [
  // Drugs. Stems cover the languages' endings: ketamin(e|a), psilocyb(in|ine), psilocib(ina).
  term("ketamin", "anywhere", "a drug", "ketamine"),
  term("cetamin", "anywhere", "a drug", "cetamina"),
  term("ketalar", "anywhere", "a drug"),
  term("ketanest", "anywhere", "a drug"),
  term("spravato", "anywhere", "a drug"),
  term("psilocyb", "anywhere", "a drug", "psilocybin"),
  term("psilocib", "anywhere", "a drug", "psilocibina"),
  term("mdma", "anywhere", "a drug", "MDMA"),
  term("ecstasy", "anywhere", "a drug"),
  term("extasis", "anywhere", "a drug", "éxtasis"),
  term("lsd", "word", "a drug", "LSD"),
  term("lyserg", "anywhere", "a drug", "lysergic acid"),
  term("dmt", "word", "a drug", "DMT"),
  term("ibogain", "anywhere", "a drug", "ibogaine"),
  term("ayahuasca", "anywhere", "a drug"),
  term("mescalin", "anywhere", "a drug", "mescaline"),
  term("meskalin", "anywhere", "a drug", "Meskalin"),
  term("psychedel", "anywhere", "a drug", "psychedelic"),
  term("psicodel", "anywhere", "a drug", "psicodélico"),
  term("psiquedel", "anywhere", "a drug", "psiquedélico"),
  term("cannabis", "anywhere", "a drug"),
  term("marijuana", "anywhere", "a drug"),
  term("marihuana", "anywhere", "a drug"),
  term("methadon", "anywhere", "a drug", "methadone"),
  term("metadon", "anywhere", "a drug", "metadona"),
  term("buprenorph", "anywhere", "a drug", "buprenorphine"),
  term("suboxone", "anywhere", "a drug"),
  term("naltrexon", "anywhere", "a drug", "naltrexone"),
  // Treatments.
  term("infus", "word-start", "a treatment", "infusion"),
  term("perfus", "word-start", "a treatment", "perfusion"),
  term("psych", "word-start", "a treatment", "psych-"),
  term("psychiatr", "anywhere", "a treatment", "psychiatry"),
  term("psychother", "anywhere", "a treatment", "psychotherapy"),
  term("psycholog", "anywhere", "a treatment", "psychology"),
  term("psiquiatr", "anywhere", "a treatment", "psiquiatría"),
  term("psichiatr", "anywhere", "a treatment", "psichiatria"),
  term("psicoter", "anywhere", "a treatment", "psicoterapia"),
  term("psicolog", "anywhere", "a treatment", "psicología"),
  term("psykiatr", "anywhere", "a treatment", "psykiatri"),
  term("psic", "word-start", "a treatment", "psic-"),
  term("psiq", "word-start", "a treatment", "psiq-"),
  term("anest", "word-start", "a treatment", "anesthesia"),
  term("anaest", "word-start", "a treatment", "anaesthesia"),
  term("anasth", "word-start", "a treatment", "Anästhesie"),
  term("narkose", "word-start", "a treatment", "Narkose"),
  term("nasalspray", "anywhere", "a treatment", "nasal spray"),
  term("nasenspray", "anywhere", "a treatment", "Nasenspray"),
  term("spraynasal", "anywhere", "a treatment", "spray nasal"),
  term("kap", "word", "a treatment", "KAP"),
  term("rems", "word", "a treatment", "REMS"),
  term("iv", "word", "a treatment", "IV"),
  term("im", "word", "a treatment", "IM"),
  term("tms", "word", "a treatment", "TMS"),
  term("ect", "word", "a treatment", "ECT"),
  term("electroconvuls", "anywhere", "a treatment", "electroconvulsive therapy"),
  term("elektrokonvuls", "anywhere", "a treatment", "Elektrokonvulsionstherapie"),
  term("electrochoc", "anywhere", "a treatment", "électrochoc"),
  term("electroshock", "anywhere", "a treatment", "electroshock"),
  term("mental", "word-start", "a treatment", "mental health"),
  term("rehab", "word-start", "a treatment", "rehab"),
  term("detox", "word-start", "a treatment", "detox"),
  term("entzug", "word-start", "a treatment", "Entzug"),
  term("sucht", "word-start", "a diagnosis", "Sucht"),
  term("addict", "word-start", "a diagnosis", "addiction"),
  term("adicc", "word-start", "a diagnosis", "adicción"),
  term("dipendenz", "word-start", "a diagnosis", "dipendenza"),
  term("verslav", "word-start", "a diagnosis", "verslaving"),
  // Diagnoses.
  term("depres", "word-start", "a diagnosis", "depression"),
  term("anxi", "word-start", "a diagnosis", "anxiety"),
  term("angst", "word-start", "a diagnosis", "Angst"),
  term("ansied", "word-start", "a diagnosis", "ansiedad"),
  term("ansia", "word", "a diagnosis", "ansia"),
  term("ptsd", "word", "a diagnosis", "PTSD"),
  term("ptbs", "word", "a diagnosis", "PTBS"),
  term("tept", "word", "a diagnosis", "TEPT"),
  term("trauma", "word-start", "a diagnosis", "trauma"),
  term("suicid", "anywhere", "a diagnosis", "suicide"),
  term("suizid", "anywhere", "a diagnosis", "Suizid"),
  term("selbstmord", "anywhere", "a diagnosis", "Selbstmord"),
  term("zelfmoord", "anywhere", "a diagnosis", "zelfmoord"),
  term("bipolar", "anywhere", "a diagnosis", "bipolar"),
  term("schizo", "word-start", "a diagnosis", "schizophrenia"),
  term("esquizo", "word-start", "a diagnosis", "esquizofrenia"),
  term("ocd", "word", "a diagnosis", "OCD"),
  term("toc", "word", "a diagnosis", "TOC"),
  term("zwang", "word-start", "a diagnosis", "Zwangsstörung"),
  term("adhd", "word", "a diagnosis", "ADHD"),
  term("adhs", "word", "a diagnosis", "ADHS"),
  term("tdah", "word", "a diagnosis", "TDAH"),
  term("anorex", "word-start", "a diagnosis", "anorexia"),
  term("bulimi", "word-start", "a diagnosis", "bulimia"),
];

/** Every term as a reader would recognise it, for tests and documentation. */
export const SUBJECT_TERMS: readonly string[] = TERMS.map((t) => t.reads);

// Digits and signs read as letters ("K3t@mine"). 0 and 1 are in the confusables already (O, l).
const LEET: Readonly<Record<string, string>> = {
  "2": "z",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "€": "e",
  "|": "l",
};

// Letters UTS #39 keeps apart from ASCII (small capitals, kra, ...) that in a subject line read as these.
const LOOKALIKES: Readonly<Record<string, string>> = {
  ĸ: "k",
  ŀ: "l",
  ŉ: "n",
  ŋ: "n",
  ɐ: "a",
  ə: "e",
  ɛ: "e",
  ɔ: "c",
  ȷ: "j",
  ɾ: "r",
  ɹ: "r",
  ẞ: "ss",
  ß: "ss",
  ᴀ: "a",
  ʙ: "b",
  ᴅ: "d",
  ᴇ: "e",
  ɢ: "g",
  ʜ: "h",
  ᴊ: "j",
  ᴋ: "k",
  ʟ: "l",
  ᴍ: "m",
  ɴ: "n",
  ᴘ: "p",
  ʀ: "r",
  ᴛ: "t",
};

const PROTOTYPE = new Map<string, string>();
for (const [prototype, chars] of Object.entries(CONFUSABLES_BY_PROTOTYPE))
  for (const char of chars) PROTOTYPE.set(char, prototype);

const ASCII_WORD = /^[a-z0-9]*$/;
// i, l, 1 and | are one letter to the eye (and in UTS #39, "I" is "l"); so are m and rn (the table's
// prototype of "m"), and w and vv.
const toSkeleton = (ascii: string) =>
  ascii
    .replace(/[0-9]/g, (d) => LEET[d] ?? (d === "0" ? "o" : "l"))
    .replace(/i/g, "l")
    .replace(/m/g, "rn")
    .replace(/w/g, "vv");

/**
 * One character as the eye reads it: accents off, then its prototype among the confusables (trying
 * its lower and upper case too, since "к" has no ASCII prototype but "К" does), then lower case. A
 * character that reads as no ASCII letter stays as it is, and so cannot spell a term.
 */
function foldChar(char: string): string {
  let folded = FOLDED_CHARS.get(char);
  if (folded === undefined) {
    folded = foldUncached(char);
    if (FOLDED_CHARS.size >= 10_000) FOLDED_CHARS.clear();
    FOLDED_CHARS.set(char, folded);
  }
  return folded;
}

/**
 * Each character folded once per process (up to a bound any text of ours stays far below): a text repeats
 * its letters, and folding one (three normalisations and a table walk) was most of building the term list
 * at cold start.
 */
const FOLDED_CHARS = new Map<string, string>();

function foldUncached(char: string): string {
  for (const variant of [char, char.toLowerCase(), char.toUpperCase()]) {
    const plain = variant.normalize("NFD").replace(/\p{M}/gu, "");
    const mapped = [...plain]
      .map((c) => PROTOTYPE.get(c) ?? LOOKALIKES[c] ?? LEET[c] ?? c)
      .join("")
      .toLowerCase();
    if (ASCII_WORD.test(mapped)) return toSkeleton(mapped);
  }
  return char.toLowerCase();
}

/** Joins the letters of all words, remembering where each word starts and ends. */
interface Skeleton {
  letters: string;
  starts: Set<number>;
  ends: Set<number>;
}

const SEPARATOR = /[^\p{L}\p{N}\p{M}\p{Cf}@$€|]/u;

function skeleton(text: string): Skeleton {
  const chars = [...text.normalize("NFKC")];
  let letters = "";
  const starts = new Set<number>();
  const ends = new Set<number>();
  let inWord = false;
  chars.forEach((char, i) => {
    if (SEPARATOR.test(char)) {
      if (inWord) ends.add(letters.length);
      inWord = false;
      return;
    }
    // Invisible characters and marks join; they never split a word ("keta\u200Bmine").
    if (/[\p{M}\p{Cf}]/u.test(char)) return;
    // "IVInfusion", "ketamineClinic": a change of case starts a word too.
    const previous = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    const upper = (c: string) => /\p{Lu}/u.test(c);
    const lower = (c: string) => /\p{Ll}/u.test(c);
    const caseBreak = upper(char) && (lower(previous) || (upper(previous) && lower(next)));
    if (inWord && caseBreak) ends.add(letters.length);
    if (!inWord || caseBreak) starts.add(letters.length);
    inWord = true;
    letters += foldChar(char);
  });
  if (inWord) ends.add(letters.length);
  return { letters, starts, ends };
}

// Longest first, so the 422 names the most telling term ("psychotherapy", not "psych-"). Folded on first
// use: admin-api needs them only when a clinic's settings are saved, not at every cold start.
let folded: (Term & { folded: string })[] | undefined;
const foldedTerms = () =>
  (folded ??= TERMS.map((t) => ({ ...t, folded: skeleton(t.stem).letters })).sort(
    (a, b) => b.folded.length - a.folded.length,
  ));

/** The first term the text reads as, or undefined when it names no drug, treatment or diagnosis. */
export function findRevealingTerm(text: string): { reads: string; means: Means } | undefined {
  const { letters, starts, ends } = skeleton(text);
  for (const t of foldedTerms()) {
    for (let at = letters.indexOf(t.folded); at >= 0; at = letters.indexOf(t.folded, at + 1)) {
      const fits =
        t.at === "anywhere" || (starts.has(at) && (t.at === "word-start" || ends.has(at + t.folded.length)));
      if (fits) return { reads: t.reads, means: t.means };
    }
  }
  return undefined;
}

/**
 * The clinic's `subjectName` (PUT /clinic) may name no drug, treatment or diagnosis: it is the name on
 * every subject line and calendar title. A 422 names the term it reads as.
 */
export function assertPrivateSubjectName(subjectName: string | undefined): void {
  if (subjectName === undefined) return;
  const found = findRevealingTerm(subjectName);
  if (found) {
    throw new RuleViolation(
      "subject-name-reveals-treatment",
      `The name for email subjects and calendar titles must not say what patients are treated for: "${subjectName}" reads as "${found.reads}" (${found.means}).`,
      "subjectName",
    );
  }
}
