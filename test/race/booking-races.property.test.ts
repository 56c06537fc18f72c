import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { clinicDate } from "../../shared/domain/calendar.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { CapacityTaken } from "../../shared/domain/errors.js";
import { settingsConflicts } from "../../shared/domain/settings-conflicts.js";
import type { Appointment } from "../../shared/domain/types.js";
import { bookAppointment } from "../../shared/use-cases/book-appointment.js";
import { updateClinic } from "../../shared/use-cases/clinic-settings.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import { patientFor, type RaceWorld, raceWorlds, refusedAsExpected } from "./race-world.js";

// A short horizon keeps each settings change's read of the days ahead small.
const BASE: Clinic = { ...DEFAULT_CLINIC, offices: 1, bookingHorizonDays: 60 };

/** Wednesday of the run's week, 10:00 plus `minutes`, in New York. */
function wednesdayAt(now: Date, minutes: number): string {
  return DateTime.fromJSDate(now, { zone: BASE.timezone })
    .plus({ days: 2 })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .plus({ minutes })
    .toUTC()
    .toISO()!;
}

/** Every booked appointment is held by the capacity day the saved settings file it under, and fits them. */
async function bookingsHoldUnder(w: RaceWorld, booked: Appointment[]) {
  const clinic = (await w.store.getClinic()) ?? BASE;
  for (const a of booked) {
    const [day] = await w.store.getCapacityDays(a.resource, [clinicDate(clinic, a.start)]);
    expect(day!.bookings.map((b) => b.appointmentId)).toContain(a.id);
  }
  const held = booked.map((a) => ({ appointmentId: a.id, resource: a.resource, start: a.start, end: a.end }));
  expect(settingsConflicts(clinic, clinic, held, w.clock.now().toISOString())).toEqual([]);
}

describe("bookings racing each other and the clinic's settings", () => {
  it("never hold more than the offices at once, and each is filed under its day", {
    timeout: raceTimeout(30, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(0, 30, 60), { minLength: 2, maxLength: 4 }),
        async (scheduler, offsets) => {
          const w = await world(scheduler);
          const patients = await Promise.all(offsets.map(() => patientFor(w.setup)));
          const results = await w.interleaver.run(
            offsets.map(
              (minutes, i) => () =>
                bookAppointment(w.race, {
                  patientId: patients[i]!.id,
                  service: "consultation",
                  start: wednesdayAt(w.clock.now(), minutes),
                }),
            ),
          );
          for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;
          const booked = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.body] : []));
          expect(booked.length).toBeGreaterThan(0);
          await bookingsHoldUnder(w, booked);
          // A "taken" answer is true: the one office was held at some moment of the asked-for hour. (A
          // booking that lost every retry to the others says so with 409 "changed, try again" instead.)
          results.forEach((r, i) => {
            if (r.status !== "rejected" || !(r.reason instanceof CapacityTaken)) return;
            const start = Date.parse(wednesdayAt(w.clock.now(), offsets[i]!));
            const overlaps = booked.some(
              (b) => Date.parse(b.start) < start + 3_600_000 && Date.parse(b.end) > start,
            );
            expect(overlaps).toBe(true);
          });
        },
      ),
      raceRuns(30),
    );
  });

  it("a settings change and bookings at once: no booking stranded by the settings saved", {
    timeout: raceTimeout(30, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    const changes: Record<string, (now: Date) => Partial<Clinic>> = {
      zone: () => ({ timezone: "Europe/London" }),
      closed: (now) => ({ closedDates: [clinicDate(BASE, wednesdayAt(now, 0))] }),
      noOffice: () => ({ offices: 0 }),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom(...Object.keys(changes)),
        fc.integer({ min: 1, max: 2 }),
        async (scheduler, change, bookings) => {
          const w = await world(scheduler);
          await updateClinic(w.setup, BASE);
          const patients = await Promise.all(Array.from({ length: bookings }, () => patientFor(w.setup)));
          const results = await w.interleaver.run<unknown>([
            () => updateClinic(w.race, { ...BASE, ...changes[change]!(w.clock.now()) }),
            ...patients.map(
              (p, i) => () =>
                bookAppointment(w.race, {
                  patientId: p.id,
                  service: "consultation",
                  start: wednesdayAt(w.clock.now(), i * 60),
                }),
            ),
          ]);
          for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;
          const booked = results
            .slice(1)
            .flatMap((r) => (r.status === "fulfilled" ? [(r.value as { body: Appointment }).body] : []));
          await bookingsHoldUnder(w, booked);
          // The settings were saved exactly when no booking stood in their way.
          const saved = results[0]!.status === "fulfilled";
          const clinic = (await w.store.getClinic())!;
          expect(clinic).toEqual(saved ? { ...BASE, ...changes[change]!(w.clock.now()) } : BASE);
          expect((await w.store.getClinicRecord()).locked).toBe(false);
        },
      ),
      raceRuns(30),
    );
  });
});
