import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Agenda, dayAgenda } from "../../shared/domain/agenda.js";
import { checkSlot } from "../../shared/domain/calendar.js";
import { type Clinic, DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { localInstantMs } from "../../shared/domain/opening-hours.js";
import type { Appointment, Booking, Resource } from "../../shared/domain/types.js";

type DayAppointment = Omit<Appointment, "reminders">;

// Wednesday 2 December 2026 in New York, open 08:00-18:00; the bookings were made the day before.
const DATE = "2026-12-02";
const BOOKED_AT = "2026-12-01T12:00:00Z";
const OPEN_MS = localInstantMs(DATE, "08:00", DEFAULT_CLINIC.timezone);
const SLOT_MS = 15 * 60_000;

/** What a test asks for: a room, a start (quarter hours after opening), a length, and what became of it. */
const requestArb = fc.record({
  resource: fc.constantFrom<Resource>("chair", "office"),
  slot: fc.integer({ min: 0, max: 39 }),
  minutes: fc.constantFrom(60, 90, 120, 150, 180),
  status: fc.constantFrom<DayAppointment["status"]>("booked", "completed", "no-show", "cancelled"),
});
type Request = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const clinicArb = fc
  .record({ chairs: fc.integer({ min: 1, max: 4 }), offices: fc.integer({ min: 1, max: 3 }) })
  .map((c): Clinic => ({ ...DEFAULT_CLINIC, ...c }));

let ids = 0;

/**
 * The day as booking would have left it: each request is booked only if the clinic's own rules take it
 * (hours, capacity over the whole session, `now`); a cancelled one held its room once and holds nothing now.
 */
function bookDay(clinic: Clinic, requests: Request[], now: string, start: DayAppointment[] = []) {
  const day = [...start];
  const held = (): Booking[] => day.filter((a) => a.status !== "cancelled");
  for (const r of requests) {
    const startIso = new Date(OPEN_MS + r.slot * SLOT_MS).toISOString();
    const check = checkSlot({
      clinic,
      resource: r.resource,
      start: startIso,
      minutes: r.minutes,
      bookings: held(),
      now,
    });
    if (!check.ok) continue;
    day.push({
      id: `a${String(++ids).padStart(6, "0")}`,
      patientId: `p${ids}`,
      service: r.resource === "chair" ? "iv-ketamine" : "consultation",
      resource: r.resource,
      start: startIso,
      end: new Date(Date.parse(startIso) + r.minutes * 60_000).toISOString(),
      status: r.status,
      date: DATE,
      confirmation: "unconfirmed",
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  return day;
}

const facts = { patients: new Map(), seriesSizes: new Map() };

/** Lane number of each appointment in the agenda, by id ("chair 2"). */
function lanesOf(agenda: Agenda): Map<string, string> {
  const out = new Map<string, string>();
  for (const lane of agenda.lanes)
    for (const e of lane.entries) out.set(e.appointmentId, `${lane.resource} ${lane.number}`);
  return out;
}

describe("a day's agenda", () => {
  it("puts every booking of a day within capacity in exactly one lane of its room, and lanes never overlap", () => {
    fc.assert(
      fc.property(clinicArb, fc.array(requestArb, { maxLength: 60 }), (clinic, requests) => {
        const day = bookDay(clinic, requests, BOOKED_AT);
        const agenda = dayAgenda(clinic, DATE, day, facts);

        // One lane per chair and per office, empty ones too, and none beyond them.
        expect(agenda.lanes.map((l) => `${l.resource} ${l.number}`)).toEqual([
          ...Array.from({ length: clinic.chairs }, (_, i) => `chair ${i + 1}`),
          ...Array.from({ length: clinic.offices }, (_, i) => `office ${i + 1}`),
        ]);
        const placed = agenda.lanes.flatMap((l) => l.entries.map((e) => e.appointmentId));
        const held = day.filter((a) => a.status !== "cancelled");
        expect([...placed].sort()).toEqual(held.map((a) => a.id).sort());
        expect(agenda.cancelled.map((e) => e.appointmentId).sort()).toEqual(
          day
            .filter((a) => a.status === "cancelled")
            .map((a) => a.id)
            .sort(),
        );
        for (const lane of agenda.lanes) {
          for (const e of lane.entries)
            expect(day.find((a) => a.id === e.appointmentId)?.resource).toBe(lane.resource);
          for (let i = 1; i < lane.entries.length; i++)
            expect(lane.entries[i - 1]!.end <= lane.entries[i]!.start).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every started session in its lane, whatever happens later in the day", () => {
    fc.assert(
      fc.property(
        clinicArb,
        fc.array(requestArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(requestArb, { maxLength: 20 }),
        (clinic, requests, nowSlot, dropped, later) => {
          const before = bookDay(clinic, requests, BOOKED_AT);
          const now = new Date(OPEN_MS + nowSlot * SLOT_MS + 60_000).toISOString();
          const started = before.filter((a) => a.start <= now && a.status !== "cancelled");
          // What may still happen once `now` has come: sessions not yet started are cancelled (or moved,
          // which takes them off their old place), attendance is marked, and new sessions are booked
          // where the rules still allow, which is only ahead of now.
          const after = before.map((a, i): DayAppointment => {
            if (a.start > now) return dropped[i] ? { ...a, status: "cancelled" } : a;
            return a.status === "booked" && dropped[i] ? { ...a, status: "no-show" } : a;
          });
          const changed = bookDay(clinic, later, now, after);
          const lanesBefore = lanesOf(dayAgenda(clinic, DATE, before, facts));
          const lanesAfter = lanesOf(dayAgenda(clinic, DATE, changed, facts));
          for (const a of started) expect(lanesAfter.get(a.id)).toBe(lanesBefore.get(a.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
