/**
 * A cheap test that a booking lies well outside a range, on the UTC ISO strings the table stores, before
 * any of them is parsed: a calendar built for one month of a busy clinic would otherwise parse the start
 * and end of every booking it was given (10,000 instants for 5,000 bookings). Only the UTC date is
 * compared, with a day's margin either side, so it can only say "certainly outside"; anything else
 * (an offset, a margin case) is parsed and counted as before.
 */
export interface DayBounds {
  /** "YYYY-MM-DD": an instant string below it ends before the range's first UTC day (less a margin). */
  below: string;
  /** "YYYY-MM-DDT~": an instant string above it starts after the range's last UTC day (plus a margin). */
  above: string;
}

export function utcDayBounds(range: { fromMs: number; toMs: number }): DayBounds {
  const day = 86_400_000;
  const iso = (ms: number) =>
    Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : ms < 0 ? "0000-00-00" : "9999-99-99";
  // "~" sorts after every character of an instant, so all of the last day's instants stay below `above`.
  return { below: iso(range.fromMs - day), above: `${iso(range.toMs + day)}T~` };
}

/** Compares whole strings (no slicing: this runs for every booking of every calendar built). */
export function certainlyOutside(booking: { start: string; end: string }, bounds: DayBounds): boolean {
  const { start, end } = booking;
  const Z = 90;
  if (start.charCodeAt(start.length - 1) !== Z || end.charCodeAt(end.length - 1) !== Z) return false;
  return end < bounds.below || start > bounds.above;
}

/** The bookings that may touch `range`: one pass, for callers that build several calendars from them. */
export function near<T extends { start: string; end: string }>(
  bookings: readonly T[],
  range: { fromMs: number; toMs: number },
): readonly T[] {
  const bounds = utcDayBounds(range);
  return bookings.filter((b) => !certainlyOutside(b, bounds));
}
