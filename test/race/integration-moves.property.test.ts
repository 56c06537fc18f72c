import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { integrationWindowProblem } from "../../shared/domain/integration-follow.js";
import { clinicProtocol } from "../../shared/domain/protocol-catalogue.js";
import { rescheduleAppointment } from "../../shared/use-cases/appointment-changes.js";
import { bookSeries } from "../../shared/use-cases/book-series.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import { patientFor, raceWorlds, refusedAsExpected, runDayAt } from "./race-world.js";

// Rooms to spare: the runs share one table, and this race is about one series' two sessions.
const BASE: Clinic = { ...DEFAULT_CLINIC, chairs: 40, offices: 40 };

describe("a KAP dose and its integration session moved at once", () => {
  it("always leave the integration session on its days after the dose, and the rooms held as booked", {
    timeout: raceTimeout(4, 300_000),
  }, async () => {
    const world = await raceWorlds({ clinic: BASE });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        // Dose 1 (day 2, 10:00) moves a day earlier (its integration session, day 3, still follows it) or a
        // day later (onto the integration session's day: it must move along).
        fc.constantFrom(1, 3),
        // The integration session moves to the last day after the dose as booked (a Saturday, open 09:00-13:00):
        // not one after day 1.
        fc.constantFrom(5, 4),
        async (scheduler, doseDay, integrationDay) => {
          const w = await world(scheduler);
          const now = w.clock.now();
          const patient = await patientFor(w.setup, ["kap"]);
          const { body: series } = await bookSeries(w.setup, {
            patientId: patient.id,
            protocolId: "kap",
            start: runDayAt(now, 2, 10),
          });
          const dose = series.sessions[0]!;
          const integration = series.integrationSessions![0]!;
          const results = await w.interleaver.run<unknown>([
            () => rescheduleAppointment(w.race, dose.id, runDayAt(now, doseDay, 10)),
            () => rescheduleAppointment(w.race, integration.id, runDayAt(now, integrationDay, 11)),
          ]);
          for (const r of results) if (!refusedAsExpected(r)) throw (r as PromiseRejectedResult).reason;
          expect(results.some((r) => r.status === "fulfilled")).toBe(true);

          const found = (await w.store.getSeries(series.id))!;
          const doseNow = found.sessions.find((s) => s.id === dose.id)!;
          const integrationNow = found.integrations.find((s) => s.id === integration.id)!;
          const clinic = (await w.store.getClinic()) ?? BASE;
          expect(
            integrationWindowProblem(clinic, clinicProtocol(clinic, "kap"), doseNow, integrationNow)?.message,
            `dose ${doseNow.start}, integration ${integrationNow.start}`,
          ).toBeUndefined();
          // Each room is held where its session is, and nowhere else.
          for (const session of [doseNow, integrationNow]) {
            const days = await w.store.getCapacityDays(session.resource, [
              ...new Set([dose.date!, integration.date!, session.date!, doseNow.date!, integrationNow.date!]),
            ]);
            const held = days.flatMap((d) => d.bookings).filter((b) => b.appointmentId === session.id);
            expect(held.map((b) => b.start)).toEqual([session.start]);
          }
        },
      ),
      raceRuns(4),
    );
  });
});
