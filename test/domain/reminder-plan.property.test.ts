import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import { applyQuietHours } from "../../shared/domain/quiet-hours.js";
import { planAppointmentReminders } from "../../shared/domain/reminder-plan.js";
import { SERVICE_IDS } from "../../shared/domain/types.js";
import { clock, ZONES, zoneArb } from "./arbitraries.js";
import { clinicWith } from "./support.js";

const HOUR = 3_600_000;
const FROM = Date.parse("2025-01-01T00:00:00Z");
const TO = Date.parse("2030-12-31T00:00:00Z");

/** Evening starts and morning ends on the quarter hour: the night always holds the DST jump. */
const quietArb = fc.record({
  start: fc.integer({ min: 18 * 4, max: 23 * 4 + 3 }).map((q) => clock(q * 15)),
  end: fc.integer({ min: 5 * 4, max: 9 * 4 }).map((q) => clock(q * 15)),
});

/** Strictly inside quiet hours on the patient's wall clock; the start itself is when a message may still go. */
function isQuiet(iso: string, zone: string, quiet: { start: string; end: string }): boolean {
  const l = DateTime.fromISO(iso, { zone });
  const m = l.hour * 60 + l.minute + l.second / 60;
  const [sh, sm] = quiet.start.split(":").map(Number);
  const [eh, em] = quiet.end.split(":").map(Number);
  return m > sh! * 60 + sm! || m < eh! * 60 + em!;
}

const scenario = fc.record({
  clinicZone: fc.constantFrom(...ZONES),
  patientZone: zoneArb,
  quiet: quietArb,
  nowMs: fc.integer({ min: FROM, max: TO }).map((ms) => Math.floor(ms / 60_000) * 60_000),
  /** The booking hold, and how long ago the appointment was booked (0: this is the booking, else a move). */
  holdMinutes: fc.integer({ min: 0, max: 60 }),
  bookedMinutesAgo: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 180 })),
  leadQuarters: fc.integer({ min: 1, max: 14 * 96 }),
  service: fc.constantFrom(...SERVICE_IDS),
  protocol: fc.constantFrom(...Object.values(DEFAULT_PROTOCOLS)),
  series: fc.option(
    fc
      .integer({ min: 1, max: 12 })
      .chain((total) =>
        fc.record({ total: fc.constant(total), sequence: fc.integer({ min: 1, max: total }) }),
      ),
    { nil: undefined },
  ),
});

describe("planAppointmentReminders: properties", () => {
  it("never plans a message at night unless it goes now, before the booking's hold ends, or a pre-session message after the start", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const clinic = clinicWith({
          timezone: s.clinicZone,
          quietHours: s.quiet,
          notificationDelayMinutes: s.holdMinutes,
        });
        const now = new Date(s.nowMs).toISOString();
        const startMs = Math.ceil((s.nowMs + s.leadQuarters * 900_000) / 900_000) * 900_000;
        const start = new Date(startMs).toISOString();
        const bookedMs = s.nowMs - s.bookedMinutesAgo * 60_000;
        // What was due at booking goes when the hold ends (or now, if that has passed; or at the start).
        const firstMs = Math.max(s.nowMs, Math.min(bookedMs + s.holdMinutes * 60_000, startMs));
        const plan = planAppointmentReminders({
          clinic,
          patientTimezone: s.patientZone,
          now,
          appointment: {
            service: s.service,
            start,
            end: new Date(startMs + 2 * HOUR).toISOString(),
            createdAt: new Date(bookedMs).toISOString(),
          },
          protocol: s.protocol,
          ...(s.series ? { series: s.series } : {}),
        });
        const kinds = plan.map((r) => r.kind);
        expect(kinds.includes("confirmation")).toBe(!s.series || s.series.sequence === 1);
        expect(kinds.includes("booster")).toBe(!!s.series && s.series.sequence === s.series.total);
        expect(kinds.includes("preparation")).toBe(
          s.service !== "consultation" && s.service !== "integration",
        );
        expect(kinds).toContain("reminder");

        for (const r of plan) {
          const due = Date.parse(r.dueAt);
          if (r.status === "skipped") {
            expect(r).toMatchObject({ kind: "reminder", reason: "booked-within-24h" });
            expect(due).toBe(startMs - 24 * HOUR);
            expect(due).toBeLessThanOrEqual(s.nowMs);
            continue;
          }
          expect(due).toBeGreaterThanOrEqual(firstMs);
          if (due !== firstMs) expect(isQuiet(r.dueAt, s.patientZone, s.quiet)).toBe(false);
          if (r.kind === "confirmation") expect(due).toBe(firstMs);
          if (r.kind === "preparation")
            expect(due).toBeLessThanOrEqual(Math.max(startMs - 48 * HOUR, firstMs));
          if (r.kind === "reminder") {
            expect(startMs - 24 * HOUR).toBeGreaterThan(s.nowMs);
            expect(due).toBeLessThanOrEqual(Math.max(startMs - 24 * HOUR, firstMs));
          }
          if (r.kind === "booster") expect(due).toBeGreaterThan(startMs);
          if (r.kind !== "booster") expect(due).toBeLessThanOrEqual(startMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("moves a due time only earlier, and only out of quiet hours", () => {
    fc.assert(
      fc.property(
        zoneArb,
        quietArb,
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: 0, max: 72 * 60 }),
        (zone, quiet, dueMs, backMinutes) => {
          const dueAt = new Date(Math.floor(dueMs / 60_000) * 60_000).toISOString();
          const now = new Date(Date.parse(dueAt) - backMinutes * 60_000).toISOString();
          const moved = applyQuietHours({ dueAt, now, clinic: { quietHours: quiet }, patientTimezone: zone });
          expect(Date.parse(moved)).toBeLessThanOrEqual(Date.parse(dueAt));
          expect(Date.parse(moved)).toBeGreaterThanOrEqual(Date.parse(now));
          if (!isQuiet(dueAt, zone, quiet)) expect(moved).toBe(dueAt);
          else if (moved !== now) {
            expect(isQuiet(moved, zone, quiet)).toBe(false);
            expect(DateTime.fromISO(moved, { zone }).toFormat("HH:mm")).toBe(quiet.start);
            // The most recent quiet start: never more than a day back.
            expect(Date.parse(dueAt) - Date.parse(moved)).toBeLessThan(25 * HOUR);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
