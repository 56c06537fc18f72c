import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { type Clinic, clinicSchema, DEFAULT_CLINIC } from "../shared/domain/clinic.js";
import type { Patient, ProtocolId } from "../shared/domain/types.js";

/** Monday 4 January 2027, 08:00 in New York: the local clock's start, so every run books the same dates. */
export const BENCH_EPOCH = new Date("2027-01-04T13:00:00.000Z");

const longDay = [{ open: "07:00", close: "21:00" }];

/**
 * A large clinic open long hours every day, with a two-year horizon: enough free chairs, offices and
 * days that concurrent bookings in the latency runs all succeed, so the numbers are about speed.
 */
export const BENCH_CLINIC: Clinic = clinicSchema.parse({
  ...DEFAULT_CLINIC,
  name: "Benchmark Clinic",
  chairs: 100,
  offices: 100,
  hours: { mon: longDay, tue: longDay, wed: longDay, thu: longDay, fri: longDay, sat: longDay, sun: longDay },
  bookingHorizonDays: 730,
});

/** A patient record written straight through the store: fixtures, not the operation being measured. */
export function patientRecord(
  now: string,
  options: { eligible?: ProtocolId[]; rems?: boolean; n?: number } = {},
): Patient {
  const id = randomUUID();
  return {
    id,
    firstName: "Bench",
    lastName: `Patient ${options.n ?? 0}`,
    email: `bench-${id.slice(0, 8)}@example.com`,
    timezone: BENCH_CLINIC.timezone,
    emailConsent: true,
    remsEnrolled: options.rems ?? false,
    emailStatus: "ok",
    eligibleProtocols: options.eligible ?? [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The ISO instant (with the clinic's offset) of `hour:minute` on the clinic-local day `dayOffset` after `from`. */
export function clinicStart(from: Date, dayOffset: number, hour: number, minute = 0): string {
  return DateTime.fromJSDate(from, { zone: BENCH_CLINIC.timezone })
    .startOf("day")
    .plus({ days: dayOffset })
    .set({ hour, minute })
    .toISO({ suppressMilliseconds: true })!;
}

/** `YYYY-MM-DD` of the clinic-local day `dayOffset` after `from`. */
export function clinicDateAfter(from: Date, dayOffset: number): string {
  return DateTime.fromJSDate(from, { zone: BENCH_CLINIC.timezone }).plus({ days: dayOffset }).toISODate()!;
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function forEachLimit<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
