import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clinicDate } from "../../shared/domain/calendar.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Appointment } from "../../shared/domain/types.js";
import { cancelAppointment, rescheduleAppointment } from "../../shared/use-cases/appointment-changes.js";
import { bookAppointment } from "../../shared/use-cases/book-appointment.js";
import { updateClinic } from "../../shared/use-cases/clinic-settings.js";
import { closeDate } from "../../shared/use-cases/closures.js";
import { resendReminder } from "../../shared/use-cases/resend-reminder.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import {
  bookedConsultation,
  deliverDue,
  patientFor,
  raceWorlds,
  refusedAsExpected,
  runDayAt,
} from "./race-world.js";

// A short horizon keeps each run's settings change small.
const BASE: Clinic = { ...DEFAULT_CLINIC, offices: 2, bookingHorizonDays: 60 };

/** `hour`:00 on the run's Wednesday (or `days` after its Monday), New York. */
const at = (now: Date, hour: number, days = 2) => runDayAt(now, days, hour);

describe("a closure racing bookings and moves onto its date", () => {
  it("leaves nothing booked on the closed date, once repeated, and tells each patient once", {
    timeout: raceTimeout(6, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (scheduler, newBookings, moveOnto) => {
          const w = await world(scheduler);
          await updateClinic(w.setup, BASE);
          const now = w.clock.now();
          const date = clinicDate(BASE, at(now, 9));
          const patients = await Promise.all(
            Array.from({ length: newBookings + 2 }, () => patientFor(w.setup)),
          );
          const book = (deps: typeof w.setup, i: number, start: string) =>
            bookAppointment(deps, { patientId: patients[i]!.id, service: "consultation", start });
          const before = (await book(w.setup, 0, at(now, 9))).body;
          const thursday = (await book(w.setup, 1, at(now, 10, 3))).body;

          const results = await w.interleaver.run<unknown>([
            () => closeDate(w.race, date, "flood"),
            ...Array.from({ length: newBookings }, (_, i) => () => book(w.race, i + 2, at(now, 10 + i))),
            ...(moveOnto ? [() => rescheduleAppointment(w.race, thursday.id, at(now, 14))] : []),
          ]);
          for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;
          const officesOnDate = async () => (await w.store.getCapacityDays("office", [date]))[0]!.bookings;
          // A closure that answered left nothing booked on its date, whatever landed around it.
          if (results[0]!.status === "fulfilled") expect(await officesOnDate()).toEqual([]);
          // One that lost every retry to the bookings is finished by its repeat, as the API promises.
          const repeat = await closeDate(w.setup, date, "flood");
          expect(await officesOnDate()).toEqual([]);
          expect((await w.store.getClinic())!.closedDates).toContain(date);
          const booked = results
            .slice(1, 1 + newBookings)
            .flatMap((r) => (r.status === "fulfilled" ? [(r.value as { body: Appointment }).body.id] : []));
          const ids = [before.id, thursday.id, ...booked];
          const all = await Promise.all(ids.map(async (id) => (await w.store.getAppointment(id))!));
          const onDate = all.filter((a) => clinicDate(BASE, a.start) === date);
          for (const a of onDate) {
            expect(a).toMatchObject({ status: "cancelled", cancelledBy: "clinic-closure" });
            expect(a.reminders.filter((r) => r.kind === "cancellation")).toHaveLength(1);
          }
          expect(repeat.cancelled.map((a) => a.id).sort()).toEqual(onDate.map((a) => a.id).sort());
          // What stayed off the date stays booked: a move that lost keeps Thursday.
          for (const a of all.filter((x) => clinicDate(BASE, x.start) !== date))
            expect(a.status).toBe("booked");
        },
      ),
      raceRuns(6),
    );
  });
});

describe("a resend racing a cancellation", () => {
  it("never sends a copy of the confirmation after the cancellation notice", {
    timeout: raceTimeout(5, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (scheduler) => {
        const w = await world(scheduler);
        const booked = await bookedConsultation(w.setup, at(w.clock.now(), 11));
        await deliverDue(w.setup, booked.id);
        const confirmation = booked.reminders.find((r) => r.kind === "confirmation")!;
        const results = await w.interleaver.run<unknown>([
          () => resendReminder(w.race, booked.id, confirmation.id),
          () => cancelAppointment(w.race, booked.id),
          () => deliverDue(w.race, booked.id),
        ]);
        for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;
        await deliverDue(w.setup, booked.id);
        const subjects = w.emails.map((e) => e.subject);
        const cancelledAt = subjects.findIndex((s) => s.includes("cancelled"));
        expect(cancelledAt).toBeGreaterThan(0);
        // Whatever the order, the patient's last word is the cancellation.
        expect(subjects.slice(cancelledAt + 1)).toEqual([]);
        const after = (await w.store.getAppointment(booked.id))!;
        expect(after.reminders.filter((r) => r.status === "scheduled")).toEqual([]);
      }),
      raceRuns(5),
    );
  });
});
