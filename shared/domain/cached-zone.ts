import { IANAZone } from "luxon";

const DAY_MS = 86_400_000;
/** Enough for every day of a few years in a handful of zones; past it the cache starts over. */
const DAYS_LIMIT = 20_000;

/** One UTC day of a zone: its offset, and the instant it changed to `after` if it changed that day. */
interface DaySpan {
  before: number;
  changeAtMs: number;
  after: number;
}

/**
 * An IANA zone whose offsets are remembered per UTC day. Luxon asks the zone for its offset every time it
 * builds a DateTime, and each answer costs an `Intl.DateTimeFormat#formatToParts` (~10 µs): planning a
 * series or a month of availability asks a few hundred times, which was the largest CPU cost of a booking.
 *
 * Luxon still answers every offset we keep (it is the oracle, `super.offset`); this only remembers them.
 * A day whose first and last millisecond share an offset is taken to have no change in between, which
 * holds for every zone in the tz database (no zone changes its offset twice within one day, and a change
 * back and forth within 24 h would be the only way to fool it). A day with a change is searched for the
 * exact millisecond of the change, so the instant after a DST jump is as exact as Luxon's own answer.
 */
export class CachedZone extends IANAZone {
  private readonly days = new Map<number, DaySpan>();

  override offset(ts: number): number {
    if (!Number.isFinite(ts) || !this.isValid) return super.offset(ts);
    const day = Math.floor(ts / DAY_MS);
    let span = this.days.get(day);
    if (span === undefined) {
      span = this.daySpan(day);
      if (this.days.size >= DAYS_LIMIT) this.days.clear();
      this.days.set(day, span);
    }
    return ts < span.changeAtMs ? span.before : span.after;
  }

  private daySpan(day: number): DaySpan {
    const startMs = day * DAY_MS;
    const endMs = startMs + DAY_MS - 1;
    const before = super.offset(startMs);
    const after = super.offset(endMs);
    if (before === after) return { before, changeAtMs: Number.POSITIVE_INFINITY, after };
    // Invariant: offset(lo) === before, offset(hi) !== before; 27 halvings find the millisecond.
    let lo = startMs;
    let hi = endMs;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (super.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, changeAtMs: hi, after };
  }
}

const zones = new Map<string, CachedZone>();

/** The shared caching zone for an IANA name (one per name per process, so the cache is shared too). */
export function cachedZone(name: string): CachedZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = new CachedZone(name);
    zones.set(name, zone);
  }
  return zone;
}
