import type { Clinic } from "./clinic.js";
import { SLOT_MS } from "./slot-grid.js";
import type { Resource } from "./types.js";

export function capacityOf(clinic: Pick<Clinic, "chairs" | "offices">, resource: Resource): number {
  return resource === "chair" ? clinic.chairs : clinic.offices;
}

/**
 * How many bookings touch each 15-minute slot. Counting per slot once makes a capacity test
 * O(session length) instead of O(bookings); a booking ending off the grid holds its whole last slot,
 * which can only refuse a slot, never overbook one. A booking may weigh more than one (a person's share
 * of attention, in staffing.ts); rooms count each booking as one.
 */
export class SlotCounts {
  /** Counts by slot offset from `firstSlot`, for a bounded range: an array index instead of a hash. */
  private readonly dense: Int32Array | undefined;
  private readonly firstSlot: number;
  /** For an unbounded or very long range. */
  private readonly sparse: Map<number, number> | undefined;

  /** Slots outside [fromMs, toMs) are never asked about, so they are not counted. */
  constructor(
    private readonly fromMs = Number.NEGATIVE_INFINITY,
    private readonly toMs = Number.POSITIVE_INFINITY,
  ) {
    const bounded = Number.isFinite(fromMs) && Number.isFinite(toMs);
    this.firstSlot = bounded ? Math.floor(fromMs / SLOT_MS) : 0;
    const slots = bounded ? Math.ceil(toMs / SLOT_MS) - this.firstSlot + 1 : Number.POSITIVE_INFINITY;
    if (slots <= MAX_DENSE_SLOTS) this.dense = new Int32Array(Math.max(slots, 1));
    else this.sparse = new Map();
  }

  /** `weight` is a whole number (a room's 1, or a person's share in staffing.ts's units). */
  add(startMs: number, endMs: number, weight = 1): void {
    const from = Math.max(startMs, this.fromMs);
    const to = Math.min(endMs, this.toMs);
    if (!(from < to) || weight === 0) return;
    for (let k = Math.floor(from / SLOT_MS); k * SLOT_MS < to; k++) {
      if (this.dense) this.dense[k - this.firstSlot]! += weight;
      else this.sparse!.set(k, (this.sparse!.get(k) ?? 0) + weight);
    }
  }

  /** True when every slot of [startMs, endMs) has room for `weight` more under `capacity`. */
  fits(startMs: number, endMs: number, capacity: number, weight = 1): boolean {
    for (let k = Math.floor(startMs / SLOT_MS); k * SLOT_MS < endMs; k++) {
      if (this.count(k) + weight > capacity) return false;
    }
    return true;
  }

  private count(k: number): number {
    if (!this.dense) return this.sparse!.get(k) ?? 0;
    const i = k - this.firstSlot;
    return i >= 0 && i < this.dense.length ? this.dense[i]! : 0;
  }
}

/** 200 days of quarter hours (under 80 KB): beyond it, counting falls back to a map of the slots used. */
const MAX_DENSE_SLOTS = 200 * 96;
