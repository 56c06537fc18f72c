import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClockBackwardsError } from "../../local/local-clock.js";
import type { Appointment } from "../../shared/domain/types.js";
import { raceRuns, raceTimeout } from "../support/interleavings.js";
import { type LocalStackHarness, localStackHarness } from "../support/local-stack-harness.js";

const zone = "America/New_York";
let h: LocalStackHarness;
beforeAll(async () => {
  h = await localStackHarness();
});
afterAll(async () => {
  await h.stack.stop();
});

/** The next weekday at 10:00, two days or more after `now`: always bookable in the default clinic. */
function nextWeekdayTen(now: Date, plusDays: number): string {
  let day = DateTime.fromJSDate(now, { zone }).plus({ days: plusDays });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;
}

/**
 * Each run books its own 10:00 consultation: a run whose moves add up to less than a day would otherwise
 * pick the slot the run before it took, and get a 409 that says nothing about the clock.
 */
let lastBooked = 0;
function freshWeekdayTen(now: Date): string {
  let candidate = nextWeekdayTen(now, 2);
  while (Date.parse(candidate) <= lastBooked) candidate = nextWeekdayTen(new Date(candidate), 1);
  lastBooked = Date.parse(candidate);
  return candidate;
}

describe("concurrent moves of the local clock", () => {
  it("fire each reminder once, never move the clock back, and leave nothing due unsent", {
    timeout: raceTimeout(6, 600_000),
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 2, maxLength: 3 }),
        async (scheduler, hoursAhead) => {
          const start = h.stack.clock.now();
          const patient = await h.call("POST", "/patients", {
            firstName: "Casey",
            lastName: "Clock",
            email: `clock-${crypto.randomUUID()}@example.com`,
            emailConsent: true,
          });
          const booked = await h.call("POST", "/appointments", {
            patientId: patient.body.id,
            service: "consultation",
            start: freshWeekdayTen(start),
          });
          expect(booked.status).toBe(201);

          const targets = hoursAhead.map((hours) => new Date(start.getTime() + hours * 3_600_000));
          const moves = targets.map((target) =>
            scheduler.schedule(Promise.resolve(target.toISOString())).then(() => h.stack.advance(target)),
          );
          await scheduler.waitAll();
          const results = await Promise.allSettled(moves);

          // A move is refused only because another had already taken the clock past its target.
          for (const r of results)
            if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ClockBackwardsError);
          const latest = Math.max(...targets.map((t) => t.getTime()));
          expect(h.stack.clock.now().getTime()).toBe(latest);

          const appointment = (await h.call("GET", `/appointments/${booked.body.id}`)).body as Appointment;
          const now = h.stack.clock.now().toISOString();
          expect(appointment.reminders.filter((r) => r.status === "scheduled" && r.dueAt <= now)).toEqual([]);
          const emails = await h.emailsTo(patient.body.email);
          const sent = appointment.reminders.filter((r) => r.status === "sent").map((r) => r.messageId);
          expect(sent.sort()).toEqual(emails.map((e) => e.messageId).sort());
          // Each move's reply lists what its own move sent: no reminder sent in two replies.
          const sentNow = results.flatMap((r) =>
            r.status === "fulfilled" ? r.value.fired.filter((f) => f.result === "sent") : [],
          );
          const sentIds = sentNow.map((f) => f.reminderId);
          expect(new Set(sentIds).size).toBe(sentIds.length);
        },
      ),
      raceRuns(6),
    );
  });
});
