import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkSlot } from "../../shared/domain/calendar.js";
import type { Clinic } from "../../shared/domain/clinic.js";
import { planSeries } from "../../shared/domain/planner.js";
import { clinicProtocol } from "../../shared/domain/protocol-catalogue.js";
import { isProtocolId, serviceMinutes, serviceResource } from "../../shared/domain/services.js";
import type { StaffHold, StaffMember } from "../../shared/domain/staff.js";
import { STAFF_ROLES, type StaffNeed } from "../../shared/domain/staff-needs.js";
import { staffingFor, staffNeeds } from "../../shared/domain/staffing.js";
import type { Booking, ServiceId } from "../../shared/domain/types.js";
import { dateArb, hoursArb, zoneArb } from "./arbitraries.js";
import { at, clinicWith } from "./support.js";

const SLOT = 15 * 60_000;
const SERVICES: ServiceId[] = [
  "consultation",
  "integration",
  "iv-ketamine",
  "im-ketamine",
  "esketamine",
  "kap",
];

const memberArb = fc.record({
  roles: fc.subarray([...STAFF_ROLES], { minLength: 1 }),
  // Daytime only: the oracle reads wall clocks, which DST nights would make ambiguous.
  ownHours: fc.option(hoursArb({ from: 7 * 60, to: 20 * 60, step: 15, minLength: 120 }), {
    nil: undefined,
    freq: 2,
  }),
  active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

const scenario = fc
  .record({
    timezone: zoneArb,
    chairs: fc.integer({ min: 1, max: 6 }),
    offices: fc.integer({ min: 1, max: 3 }),
    hours: hoursArb({ from: 6 * 60, to: 22 * 60, step: 15, minLength: 180 }),
    members: fc.array(memberArb, { minLength: 2, maxLength: 8 }),
    attempts: fc.array(
      fc.record({
        service: fc.constantFrom(...SERVICES),
        day: fc.integer({ min: 0, max: 2 }),
        quarter: fc.integer({ min: 8 * 4, max: 17 * 4 }),
        series: fc.oneof(
          { weight: 5, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .chain((s) => dateArb(s.timezone).map((firstDate) => ({ ...s, firstDate })));

interface Held extends Booking {
  service: ServiceId;
  holds: StaffHold[];
}

describe("staffing: properties on random clinics, rosters and bookings", () => {
  it("never books a person beyond their ratio, and every session has each role it needs, working, for its whole length", () => {
    let staffed = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const clinic = clinicWith({
          timezone: s.timezone,
          chairs: s.chairs,
          offices: s.offices,
          hours: s.hours,
          bookingHorizonDays: 730,
        });
        const roster: StaffMember[] = s.members.map((m, i) => ({
          id: `m${i}`,
          name: `Member ${i}`,
          roles: m.roles,
          ...(m.ownHours ? { hours: m.ownHours } : {}),
          active: m.active,
        }));
        const now = "2024-12-01T00:00:00Z";
        const booked: Held[] = [];
        for (const a of s.attempts) {
          const date = DateTime.fromISO(s.firstDate, { zone: s.timezone }).plus({ days: a.day });
          const start = at(
            date
              .set({ hour: 0 })
              .plus({ minutes: a.quarter * 15 })
              .toFormat("yyyy-MM-dd'T'HH:mm"),
            s.timezone,
          );
          const protocol = isProtocolId(a.service) ? clinicProtocol(clinic, a.service) : undefined;
          if (a.series && protocol) {
            const plan = planSeries({ clinic, protocol, firstStart: start, bookings: booked, now, roster });
            if (!plan.ok) continue;
            for (const session of plan.sessions)
              booked.push({ ...session, resource: "chair", service: a.service, holds: session.staff ?? [] });
            for (const session of plan.integrations ?? [])
              booked.push({
                ...session,
                resource: "office",
                service: "integration",
                holds: session.staff ?? [],
              });
            continue;
          }
          const minutes = serviceMinutes(clinic, a.service);
          const check = checkSlot({
            clinic,
            resource: serviceResource(a.service),
            start,
            minutes,
            bookings: booked,
            now,
            staffing: staffingFor(clinic, roster, a.service, protocol),
          });
          if (!check.ok) continue;
          booked.push({
            resource: serviceResource(a.service),
            start,
            end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
            service: a.service,
            holds: check.staff ?? [],
          });
        }
        if (booked.some((b) => b.holds.length > 0)) staffed++;
        for (const b of booked) checkStaffed(clinic, roster, b);
        checkRatios(booked);
      }),
      { numRuns: 150 },
    );
    // Guard against a generator whose bookings are all refused (seeds vary: about 20-40 of 150 book).
    expect(staffed).toBeGreaterThan(8);
  });
});

/** Every need of the service filled by a different active person with the role, working the whole session. */
function checkStaffed(clinic: Clinic, roster: StaffMember[], b: Held) {
  const protocol = isProtocolId(b.service) ? clinicProtocol(clinic, b.service) : undefined;
  const needs = staffNeeds(clinic, b.service, protocol);
  expect(b.holds.map((h) => h.role).sort()).toEqual(needs.map((n) => n.role).sort());
  expect(new Set(b.holds.map((h) => h.id)).size).toBe(b.holds.length);
  for (const hold of b.holds) {
    const member = roster.find((m) => m.id === hold.id)!;
    expect(member.active).toBe(true);
    expect(member.roles).toContain(hold.role);
    const start = DateTime.fromISO(b.start, { zone: clinic.timezone });
    const end = DateTime.fromISO(b.end, { zone: clinic.timezone });
    const day = (member.hours ?? clinic.hours)[start.toFormat("ccc").toLowerCase() as "mon"];
    const from = start.toFormat("HH:mm");
    const to = end.toFormat("HH:mm");
    expect(day.some((w) => w.open <= from && to <= w.close)).toBe(true);
  }
}

/**
 * Per person and quarter hour, the sessions they cover at once, as fractions of their attention: a
 * one-to-one session takes all of it, a nurse's chair a third, "on site" none. Summed exactly (over a
 * common denominator) they never exceed one whole person.
 */
function checkRatios(booked: Held[]) {
  const WHOLE = 2 * 2 * 2 * 3 * 3 * 5 * 7 * 11; // every ratio 1..12 divides it
  const load = new Map<string, number>();
  for (const b of booked) {
    for (const hold of b.holds) {
      if (hold.sessionsAtOnce === "on-site") continue;
      for (let t = Date.parse(b.start); t < Date.parse(b.end); t += SLOT) {
        const key = `${hold.id} ${t}`;
        load.set(
          key,
          (load.get(key) ?? 0) +
            WHOLE / (hold.sessionsAtOnce as Exclude<StaffNeed["sessionsAtOnce"], "on-site">),
        );
      }
    }
  }
  for (const [key, units] of load) expect(units, key).toBeLessThanOrEqual(WHOLE);
}
