/**
 * How the front desk finds a patient: by name, by phone number (the caller ID), by email.
 *
 * By name: "Garcia", "garcia, mar" or "García Márquez" all find María García Márquez. Names are folded
 * the same way when stored and when searched, so the search is a plain prefix match on
 * "<last name> <first name>", the order a chart and a phone call use.
 */

// Apostrophes join (O'Brien is found as "obrien" and as "o'brien"); other punctuation separates words.
const APOSTROPHES = /['’‘`ʼ]/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** Case, accents and punctuation off; words separated by single spaces. */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(NOT_LETTER_OR_DIGIT, " ")
    .trim();
}

/**
 * The key a patient is found by: last name, then first name, folded. It sorts the way a patient list
 * does ("garcia maria" before "garcia marquez ana" before "garciaz ...").
 */
export function patientNameKey(p: { firstName: string; lastName: string }): string {
  return `${foldName(p.lastName)} ${foldName(p.firstName)}`.trim();
}

/** What a search for `text` must be a prefix of; "" when nothing searchable is left. */
export function nameSearchPrefix(text: string): string {
  return foldName(text);
}

/**
 * How much of a phone number identifies it: the last 10 digits, which drops a country code or a trunk
 * prefix ("+1 (555) 123-4567", "555.123.4567" and "15551234567" agree; so do "+44 20 7946 0958" and
 * "020 7946 0958"). A number with fewer digits keeps them all.
 */
export const PHONE_KEY_DIGITS = 10;

/** The digits a phone number is found by; "" when it has none. */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, "").slice(-PHONE_KEY_DIGITS);
}
