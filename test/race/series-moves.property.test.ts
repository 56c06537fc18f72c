import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { RuleViolation } from "../../shared/domain/errors.js";
import { assertSpacingKept } from "../../shared/domain/series-spacing.js";
import { rescheduleAppointment } from "../../shared/use-cases/appointment-changes.js";
import { bookSeries } from "../../shared/use-cases/book-series.js";
import { Conflict, StaleWrite } from "../../shared/use-cases/errors.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import { patientFor, raceWorlds } from "./race-world.js";

const zone = DEFAULT_CLINIC.timezone;
const HOUR_MS = 3_600_000;

/**
 * KAP sessions sit 14 days apart and may sit 12 to 16: each of two neighbours may move up to two days on
 * its own, but not both towards each other. Moves keep the session on the grid and inside the hours.
 */
const shift = fc.constantFrom(-48, -24, -2, 2, 24, 48);

describe("moves of two neighbouring sessions of one series at once", () => {
  it("never leave the series breaking the protocol's spacing", {
    timeout: raceTimeout(12, 300_000),
  }, async () => {
    const world = await raceWorlds({ weeksApart: 11 });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 1, max: 5 }),
        shift,
        shift,
        async (scheduler, first, shiftA, shiftB) => {
          const w = await world(scheduler);
          const patient = await patientFor(w.setup, ["kap"]);
          const start = DateTime.fromJSDate(w.clock.now(), { zone })
            .plus({ days: 1 })
            .set({ hour: 11, minute: 0, second: 0, millisecond: 0 });
          const series = (
            await bookSeries(w.setup, {
              patientId: patient.id,
              protocolId: "kap",
              start: start.toUTC().toISO()!,
            })
          ).body;
          const [a, b] = [series.sessions[first - 1]!, series.sessions[first]!];
          const moved = (session: typeof a, hours: number) =>
            new Date(new Date(session.start).getTime() + hours * HOUR_MS).toISOString();
          const results = await w.interleaver.run<unknown>([
            () => rescheduleAppointment(w.race, a.id, moved(a, shiftA)),
            () => rescheduleAppointment(w.race, b.id, moved(b, shiftB)),
          ]);
          for (const r of results) {
            const refused =
              r.status === "fulfilled" ||
              r.reason instanceof RuleViolation ||
              r.reason instanceof Conflict ||
              r.reason instanceof StaleWrite;
            if (!refused) throw (r as PromiseRejectedResult).reason;
          }

          const sessions = await w.store.listSeriesSessions(series.id);
          for (const s of sessions) {
            if (s.status === "cancelled") continue;
            expect(() => assertSpacingKept(DEFAULT_CLINIC, s, s.start, sessions)).not.toThrow();
          }
          // The series' summary (what emails list) agrees with the sessions.
          const summary = await w.store.getBookingReads(patient.id, undefined, series.id);
          expect(summary.seriesSessions?.map((s) => s.start)).toEqual(sessions.map((s) => s.start));
        },
      ),
      raceRuns(12),
    );
  });
});
