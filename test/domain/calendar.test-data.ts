import type { Booking } from "../../shared/domain/types.js";
import { at } from "./support.js";

/** Deterministic busy diary: hour-long chair and office bookings on quarter hours from 07:00 to 20:00. */
export function denseBookings(zone: string, fromDate: string, days: number, count: number): Booking[] {
  const out: Booking[] = [];
  const base = Date.parse(at(`${fromDate}T07:00`, zone));
  for (let i = 0; i < count; i++) {
    const start = base + (i % days) * 86_400_000 + ((i * 13) % 53) * 900_000;
    out.push({
      resource: i % 2 === 0 ? "office" : "chair",
      start: new Date(start).toISOString(),
      end: new Date(start + 3_600_000).toISOString(),
    });
  }
  return out;
}
