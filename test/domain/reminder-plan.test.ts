import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOLS } from "../../shared/domain/protocol-catalogue.js";
import {
  type PlannedReminder,
  planAppointmentReminders,
  planNotice,
} from "../../shared/domain/reminder-plan.js";
import type { ServiceId } from "../../shared/domain/types.js";
import { at, clinicWith, hoursBetween, wall } from "./support.js";

const NY = "America/New_York";
const clinic = clinicWith({});
const iv = DEFAULT_PROTOCOLS["iv-ketamine"];

function plan(args: {
  now: string;
  start: string;
  service?: ServiceId;
  series?: { sequence: number; total: number };
  patientTimezone?: string;
  /** When it was booked, for a move (clinic-local); a booking is booked `now`. */
  bookedAt?: string;
  holdMinutes?: number;
}): PlannedReminder[] {
  const service = args.service ?? "iv-ketamine";
  return planAppointmentReminders({
    clinic:
      args.holdMinutes === undefined ? clinic : clinicWith({ notificationDelayMinutes: args.holdMinutes }),
    patientTimezone: args.patientTimezone ?? NY,
    now: at(args.now, NY),
    appointment: {
      service,
      start: at(args.start, NY),
      end: at(args.start, NY),
      ...(args.bookedAt ? { createdAt: at(args.bookedAt, NY) } : {}),
    },
    ...(service === "iv-ketamine" || service === "booster" ? { protocol: iv } : {}),
    ...(args.series ? { series: args.series } : {}),
  });
}

function byKind(list: PlannedReminder[]): Record<string, PlannedReminder> {
  return Object.fromEntries(list.map((r) => [r.kind, r]));
}

describe("planAppointmentReminders", () => {
  it("plans the confirmation when the booking's hold ends, preparation 48 h and the reminder 24 h before a chair session", () => {
    const r = plan({ now: "2026-12-01T12:00", start: "2026-12-08T10:00" });
    expect(r.map((x) => x.kind)).toEqual(["confirmation", "preparation", "reminder"]);
    const k = byKind(r);
    expect(k.confirmation).toEqual({
      kind: "confirmation",
      dueAt: at("2026-12-01T12:02", NY),
      status: "scheduled",
    });
    expect(wall(k.preparation!.dueAt, NY)).toBe("2026-12-06 Sun 10:00");
    expect(wall(k.reminder!.dueAt, NY)).toBe("2026-12-07 Mon 10:00");
    expect(r.every((x) => x.status === "scheduled")).toBe(true);
  });

  it("sends the preparation once the hold ends when booked less than 48 h ahead", () => {
    const k = byKind(plan({ now: "2026-12-07T09:00", start: "2026-12-08T10:00" }));
    expect(k.preparation).toMatchObject({ dueAt: at("2026-12-07T09:02", NY), status: "scheduled" });
    expect(k.reminder).toMatchObject({ dueAt: at("2026-12-07T10:00", NY), status: "scheduled" });
  });

  it("skips the day-before reminder when booked less than 24 h ahead", () => {
    const k = byKind(plan({ now: "2026-12-07T11:00", start: "2026-12-08T10:00" }));
    expect(k.reminder).toEqual({
      kind: "reminder",
      dueAt: at("2026-12-07T10:00", NY),
      status: "skipped",
      reason: "booked-within-24h",
    });
    expect(k.preparation!.dueAt).toBe(at("2026-12-07T11:02", NY));
    // Exactly 24 h ahead counts as late too: the reminder would be due the moment it is booked.
    const edge = byKind(plan({ now: "2026-12-07T10:00", start: "2026-12-08T10:00" }));
    expect(edge.reminder!.status).toBe("skipped");
  });

  it("plans no preparation for office sessions", () => {
    const r = plan({ now: "2026-12-01T12:00", start: "2026-12-08T10:00", service: "consultation" });
    expect(r.map((x) => x.kind)).toEqual(["confirmation", "reminder"]);
  });

  it("prepares boosters like any chair session", () => {
    const r = plan({ now: "2026-12-01T12:00", start: "2026-12-08T10:00", service: "booster" });
    expect(r.map((x) => x.kind)).toEqual(["confirmation", "preparation", "reminder"]);
  });

  it("confirms a series once, on its first session", () => {
    const first = plan({
      now: "2026-12-01T12:00",
      start: "2026-12-08T10:00",
      series: { sequence: 1, total: 6 },
    });
    const third = plan({
      now: "2026-12-01T12:00",
      start: "2026-12-12T10:00",
      series: { sequence: 3, total: 6 },
    });
    expect(first.map((x) => x.kind)).toEqual(["confirmation", "preparation", "reminder"]);
    expect(third.map((x) => x.kind)).toEqual(["preparation", "reminder"]);
  });

  it("invites to a booster the protocol's calendar days after the last session, at its local time", () => {
    // 28 days after 20 Oct crosses the November clock change: still 10:00 on the clinic's clock.
    const r = plan({ now: "2026-10-01T12:00", start: "2026-10-20T10:00", series: { sequence: 6, total: 6 } });
    const k = byKind(r);
    expect(r.map((x) => x.kind)).toEqual(["preparation", "reminder", "booster"]);
    expect(wall(k.booster!.dueAt, NY)).toBe("2026-11-17 Tue 10:00");
    expect(k.booster!.status).toBe("scheduled");
  });

  it("counts elapsed hours over a spring-forward weekend", () => {
    // Monday 9 Mar 2026 10:00 EDT: 24 h before is Sunday 10:00 EDT; 48 h before is Saturday 09:00 EST.
    const k = byKind(plan({ now: "2026-03-01T12:00", start: "2026-03-09T10:00" }));
    expect(wall(k.reminder!.dueAt, NY)).toBe("2026-03-08 Sun 10:00");
    expect(wall(k.preparation!.dueAt, NY)).toBe("2026-03-07 Sat 09:00");
    expect(hoursBetween(k.preparation!.dueAt, at("2026-03-09T10:00", NY))).toBe(48);
    // A session on the spring-forward Sunday itself: 24 h before reads 09:00 on Saturday's clock.
    const sunday = byKind(plan({ now: "2026-03-01T12:00", start: "2026-03-08T10:00" }));
    expect(wall(sunday.reminder!.dueAt, NY)).toBe("2026-03-07 Sat 09:00");
  });

  it("moves a reminder due at night back to the evening before", () => {
    const k = byKind(plan({ now: "2026-12-01T12:00", start: "2026-12-08T07:30" }));
    expect(wall(k.reminder!.dueAt, NY)).toBe("2026-12-06 Sun 21:00");
    expect(wall(k.preparation!.dueAt, NY)).toBe("2026-12-05 Sat 21:00");
  });

  it("reads quiet hours on the patient's clock", () => {
    // 17:00 in New York is 22:00 in London: the London patient hears the day before at 21:00 their time.
    const k = byKind(
      plan({ now: "2026-12-01T12:00", start: "2026-12-08T17:00", patientTimezone: "Europe/London" }),
    );
    expect(wall(k.reminder!.dueAt, "Europe/London")).toBe("2026-12-07 Mon 21:00");
  });

  it("never dates a moved reminder before the booking's hold ends", () => {
    // Booked at 22:00 for 07:30 the day after next: the reminder's quiet-hours move would land before now.
    const k = byKind(plan({ now: "2026-12-06T22:00", start: "2026-12-08T07:30" }));
    expect(k.reminder).toMatchObject({ dueAt: at("2026-12-06T22:02", NY), status: "scheduled" });
  });

  it("holds what is due at booking for the clinic's notificationDelayMinutes; 0 sends at once", () => {
    const held = byKind(plan({ now: "2026-12-07T09:00", start: "2026-12-08T10:00", holdMinutes: 15 }));
    expect(held.confirmation!.dueAt).toBe(at("2026-12-07T09:15", NY));
    expect(held.preparation!.dueAt).toBe(at("2026-12-07T09:15", NY));
    const atOnce = byKind(plan({ now: "2026-12-07T09:00", start: "2026-12-08T10:00", holdMinutes: 0 }));
    expect(atOnce.confirmation!.dueAt).toBe(at("2026-12-07T09:00", NY));
  });

  it("keeps the booking's own hold when it moves: a move within it does not start a new one", () => {
    const moved = byKind(
      plan({ now: "2026-12-07T09:01", bookedAt: "2026-12-07T09:00", start: "2026-12-08T11:00" }),
    );
    expect(moved.confirmation!.dueAt).toBe(at("2026-12-07T09:02", NY));
    // Moved after the hold: what is re-planned goes now.
    const later = byKind(
      plan({ now: "2026-12-07T09:30", bookedAt: "2026-12-07T09:00", start: "2026-12-08T11:00" }),
    );
    expect(later.confirmation!.dueAt).toBe(at("2026-12-07T09:30", NY));
  });

  it("never holds an email past the start of a visit booked minutes ahead", () => {
    const k = byKind(plan({ now: "2026-12-07T09:50", start: "2026-12-07T10:00", holdMinutes: 30 }));
    expect(k.confirmation!.dueAt).toBe(at("2026-12-07T10:00", NY));
    expect(k.preparation!.dueAt).toBe(at("2026-12-07T10:00", NY));
  });
});

describe("planNotice", () => {
  it("sends cancellations and reschedules at once", () => {
    const now = at("2026-12-07T23:30", NY);
    for (const kind of ["cancellation", "reschedule"] as const) {
      expect(planNotice({ clinic, patientTimezone: NY, now, kind })).toEqual({
        kind,
        dueAt: now,
        status: "scheduled",
      });
    }
  });
});
