/**
 * Characters a name or a one-line setting must not hold: control characters and line breaks (header
 * injection, log forging), and the invisible "format" characters (zero-width spaces and joiners, soft
 * hyphens, left-to-right and right-to-left marks, embeddings, overrides and isolates), which make a
 * name read differently from what it is, in an email or on a screen. Lone surrogates cannot be stored.
 */
export const HIDDEN_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

export const HIDDEN_OR_CONTROL_MESSAGE =
  "must not contain control characters, line breaks, or invisible or direction-changing characters";

/** The dates the system plans in. A range at the end of year 9999 ran into year +010000 and broke keys. */
export const FIRST_DATE = "2000-01-01";
export const LAST_DATE = "2199-12-31";
