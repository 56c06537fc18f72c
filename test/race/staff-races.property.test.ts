import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clinicDate } from "../../shared/domain/calendar.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { rosterConflicts } from "../../shared/domain/staff-roster.js";
import { bookAppointment } from "../../shared/use-cases/book-appointment.js";
import { addStaffMember, listStaff, updateStaffMember } from "../../shared/use-cases/staff.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import { patientFor, type RaceWorld, raceWorlds, refusedAsExpected, runDayAt } from "./race-world.js";

// A short horizon keeps each roster change's read of the days ahead small.
const BASE: Clinic = { ...DEFAULT_CLINIC, bookingHorizonDays: 30 };

/** The one therapist every run shares (the table is shared by the runs), active at the start of each. */
async function theTherapist(w: RaceWorld): Promise<string> {
  const found = (await listStaff(w.setup)).staff.find((m) => m.name === "Noor Aziz");
  if (!found) return (await addStaffMember(w.setup, { name: "Noor Aziz", roles: ["therapist"] })).body.id;
  if (!found.active) await updateStaffMember(w.setup, found.id, { active: true });
  return found.id;
}

describe("bookings of one person from both rooms, racing each other and the roster", () => {
  it("never give a therapist two patients at once, and leave nothing booked on one made inactive", {
    timeout: raceTimeout(10, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        async (scheduler, offsetHours, deactivate) => {
          const w = await world(scheduler);
          const therapist = await theTherapist(w);
          const now = w.clock.now();
          const dosing = await patientFor(w.setup, ["kap"]);
          const talking = await patientFor(w.setup);
          // A KAP dose (a chair, 10:00-13:00) and an integration hour (an office) that overlap it or not.
          const results = await w.interleaver.run<unknown>([
            () =>
              bookAppointment(w.race, { patientId: dosing.id, service: "kap", start: runDayAt(now, 2, 10) }),
            () =>
              bookAppointment(w.race, {
                patientId: talking.id,
                service: "integration",
                start: runDayAt(now, 2, 11 + offsetHours),
              }),
            ...(deactivate ? [() => updateStaffMember(w.race, therapist, { active: false })] : []),
          ]);
          for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;

          const clinic = (await w.store.getClinic()) ?? BASE;
          const date = clinicDate(clinic, runDayAt(now, 2, 10));
          const days = [
            ...(await w.store.getCapacityDays("chair", [date])),
            ...(await w.store.getCapacityDays("office", [date])),
          ];
          const held = days
            .flatMap((d) => d.bookings)
            .filter((b) => b.holds?.some((h) => h.id === therapist));
          // One person, one patient at a time: the holds of the therapist never overlap.
          for (const a of held)
            for (const b of held)
              if (a !== b)
                expect(a.start < b.end && b.start < a.end, `${a.start} and ${b.start}`).toBe(false);
          // Overlapping requests: one of the two bookings was refused.
          const booked = results.slice(0, 2).filter((r) => r.status === "fulfilled").length;
          if (offsetHours < 2 && !deactivate) expect(booked).toBe(1);
          // A deactivation that landed left no booked session on the therapist.
          const roster = (await listStaff(w.setup)).staff;
          const member = roster.find((m) => m.id === therapist)!;
          if (!member.active) {
            expect(held).toEqual([]);
            expect(
              rosterConflicts(
                clinic,
                roster,
                days.flatMap((d) => d.bookings),
                now.toISOString(),
              ),
            ).toEqual([]);
          }
        },
      ),
      raceRuns(10),
    );
  });
});
