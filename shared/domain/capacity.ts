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
  private readonly counts = new Map<number, number>();

  /** Slots outside [fromMs, toMs) are never asked about, so they are not counted. */
  constructor(
    private readonly fromMs = Number.NEGATIVE_INFINITY,
    private readonly toMs = Number.POSITIVE_INFINITY,
  ) {}

  add(startMs: number, endMs: number, weight = 1): void {
    const from = Math.max(startMs, this.fromMs);
    const to = Math.min(endMs, this.toMs);
    if (!(from < to) || weight === 0) return;
    for (let k = Math.floor(from / SLOT_MS); k * SLOT_MS < to; k++) {
      this.counts.set(k, (this.counts.get(k) ?? 0) + weight);
    }
  }

  /** True when every slot of [startMs, endMs) has room for `weight` more under `capacity`. */
  fits(startMs: number, endMs: number, capacity: number, weight = 1): boolean {
    for (let k = Math.floor(startMs / SLOT_MS); k * SLOT_MS < endMs; k++) {
      if ((this.counts.get(k) ?? 0) + weight > capacity) return false;
    }
    return true;
  }
}
