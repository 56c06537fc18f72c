import { checkSlot, clinicDate } from "../domain/calendar.js";
import { CapacityTaken, RuleViolation } from "../domain/errors.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { planAppointmentReminders, planNotice } from "../domain/reminder-plan.js";
import type { Appointment, Reminder } from "../domain/types.js";
import type { SeriesSessionSummary } from "../ports/store.js";
import {
  bookingsOf,
  cancelPending,
  capacityChanges,
  endOf,
  readForBooking,
  toReminders,
} from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite, utcIso } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";

async function getAppointmentOrThrow(deps: Deps, id: string): Promise<Appointment> {
  const appointment = await deps.store.getAppointment(id);
  if (!appointment) throw new NotFound("appointment");
  return appointment;
}

export async function getAppointment(deps: Deps, id: string): Promise<Appointment> {
  return getAppointmentOrThrow(deps, id);
}

function assertUpcoming(appointment: Appointment, now: string, action: string): void {
  if (appointment.status !== "booked") {
    throw new Conflict(
      `Only a booked appointment can be ${action}; this one is ${appointment.status}.`,
      "wrong-state",
    );
  }
  if (appointment.start <= now) {
    throw new Conflict(
      `This appointment has already started and cannot be ${action}; record attendance instead.`,
      "already-started",
    );
  }
}

/**
 * What changing a booked appointment reads after the appointment itself, in one request: the clinic, the
 * patient, the capacity days of `instants` and, for a series session, the series' summary of its sessions.
 */
function loadChangeReads(deps: Deps, appointment: Appointment, instants: string[]) {
  return readForBooking(deps, {
    patientId: appointment.patientId,
    resource: appointment.resource,
    datesFor: (clinic) => [...new Set(instants.map((i) => clinicDate(clinic, i)))],
    ...(appointment.seriesId !== undefined ? { seriesId: appointment.seriesId } : {}),
  });
}

/** The sessions of a series as the spacing rules need them: from the summary, or read if it has none. */
async function seriesSessionsOf(
  deps: Deps,
  seriesId: string,
  summary: SeriesSessionSummary[] | undefined,
): Promise<SessionPlace[]> {
  if (summary) return summary;
  return (await deps.store.getSeries(seriesId))?.sessions ?? [];
}

/**
 * Cancels one appointment.
 * 1. Only an upcoming booked appointment can be cancelled.
 * 2. Its pending reminders are cancelled (schedule-sync deletes their schedules), its chair or office freed.
 * 3. The patient gets a cancellation notice: always, even if the confirmation still shows as scheduled.
 *    It is due at booking and may be on its way this very moment (send-reminder claims it, reads the
 *    appointment, then sends; a change that lands after that read cannot stop the email), and a notice
 *    about a booking never heard of is a far smaller harm than a confirmation nobody takes back.
 */
export async function cancelAppointment(deps: Deps, id: string, reason?: string): Promise<Appointment> {
  return retryOnStaleWrite(async () => {
    const current = await getAppointmentOrThrow(deps, id);
    const now = nowIso(deps);
    assertUpcoming(current, now, "cancelled");
    const { clinic, patient, days } = await loadChangeReads(deps, current, [current.start]);
    const reminders = cancelPending(current.reminders, "appointment-cancelled");
    if (patient) {
      const notice = planNotice({ clinic, patientTimezone: patient.timezone, now, kind: "cancellation" });
      // A move whose notice had not gone out yet: the patient last heard of the time before it.
      const lastHeard = current.reminders
        .filter((r) => r.kind === "reschedule" && r.status === "scheduled" && r.previousStart)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]?.previousStart;
      for (const r of toReminders(deps.ids, [notice]))
        reminders.push(lastHeard && lastHeard !== current.start ? { ...r, previousStart: lastHeard } : r);
    }
    const next: Appointment = {
      ...current,
      status: "cancelled",
      reminders,
      ...(reason !== undefined ? { cancelReason: reason } : {}),
      version: current.version + 1,
      updatedAt: now,
    };
    await deps.store.commit({
      updateAppointments: [next],
      upsertReminders: next.reminders.map((reminder) => ({ appointment: next, reminder })),
      capacity: capacityChanges(clinic, days, [], [current]),
    });
    return next;
  });
}

/**
 * Moves one appointment to a new start.
 * 1. Only an upcoming booked appointment moves; the new slot must be bookable (it does not block itself).
 * 2. A series session keeps its protocol's spacing to the sessions before and after it.
 * 3. Pending reminders move with it (same reminder, new due time), reminders already sent are re-planned
 *    for the new time, and the patient gets a notice with the updated calendar entry.
 */
export async function rescheduleAppointment(deps: Deps, id: string, newStart: string): Promise<Appointment> {
  return retryOnStaleWrite(async () => {
    const current = await getAppointmentOrThrow(deps, id);
    const now = nowIso(deps);
    assertUpcoming(current, now, "rescheduled");
    const start = utcIso(newStart);
    const minutes = (new Date(current.end).getTime() - new Date(current.start).getTime()) / 60_000;
    const end = endOf(start, minutes);
    const reads = await loadChangeReads(deps, current, [current.start, start]);
    const { clinic, patient, days } = reads;
    if (!patient) throw new NotFound("patient");

    const check = checkSlot({
      clinic,
      resource: current.resource,
      start,
      minutes,
      bookings: bookingsOf(days, new Set([current.id])),
      now,
    });
    if (!check.ok) {
      if (check.code === "capacity") throw new CapacityTaken(check.message);
      throw new RuleViolation(check.code, check.message, "start");
    }
    let seriesTotal: number | undefined;
    if (current.seriesId !== undefined && current.protocolId) {
      const sessions = await seriesSessionsOf(deps, current.seriesId, reads.seriesSessions);
      seriesTotal = sessions.length;
      assertSpacingKept(current, start, sessions, clinic);
    }
    const protocol = current.protocolId ? clinicProtocol(clinic, current.protocolId) : undefined;
    const planned = planAppointmentReminders({
      clinic,
      patientTimezone: patient.timezone,
      now,
      appointment: { service: current.service, start, end },
      ...(protocol ? { protocol } : {}),
      ...(current.sequence !== undefined && seriesTotal !== undefined
        ? { series: { sequence: current.sequence, total: seriesTotal } }
        : {}),
    }).filter(
      (p) =>
        p.kind !== "confirmation" ||
        current.reminders.some((r) => r.kind === "confirmation" && r.status === "scheduled"),
    );

    const reminders: Reminder[] = [];
    const moved = new Set<string>();
    for (const r of current.reminders) {
      const plan = planned.find((p) => p.kind === r.kind);
      if (r.status === "scheduled" && plan) {
        moved.add(r.kind);
        reminders.push({
          ...r,
          dueAt: plan.dueAt,
          status: plan.status,
          ...(plan.reason ? { reason: plan.reason } : {}),
        });
      } else if (r.status === "scheduled") {
        reminders.push({ ...r, status: "cancelled", reason: "appointment-moved" });
      } else {
        reminders.push(r);
      }
    }
    reminders.push(
      ...toReminders(
        deps.ids,
        planned.filter((p) => !moved.has(p.kind)),
      ),
    );
    // Always, for the reason a cancellation always sends one (see cancelAppointment).
    const notice = planNotice({ clinic, patientTimezone: patient.timezone, now, kind: "reschedule" });
    for (const r of toReminders(deps.ids, [notice])) reminders.push({ ...r, previousStart: current.start });
    const next: Appointment = {
      ...current,
      start,
      end,
      reminders,
      version: current.version + 1,
      updatedAt: now,
    };
    await deps.store.commit({
      updateAppointments: [next],
      upsertReminders: next.reminders.map((reminder) => ({ appointment: next, reminder })),
      capacity: capacityChanges(clinic, days, [next], [current]),
    });
    return next;
  });
}

/** Where a session of a series sits: all the spacing rules look at. */
type SessionPlace = Pick<Appointment, "id" | "start" | "status" | "sequence">;

function assertSpacingKept(
  moving: Appointment,
  start: string,
  sessions: SessionPlace[],
  clinic: Parameters<typeof clinicProtocol>[0],
): void {
  const protocol = clinicProtocol(clinic, moving.protocolId!);
  const live = sessions.filter((s) => s.status !== "cancelled" && s.id !== moving.id);
  const before = live.filter((s) => (s.sequence ?? 0) < (moving.sequence ?? 0)).at(-1);
  const after = live.find((s) => (s.sequence ?? 0) > (moving.sequence ?? 0));
  const hours = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;
  const phaseOf = (sequence: number) => {
    let n = 0;
    for (const phase of protocol.spacing.phases) {
      n += phase.sessions;
      if (sequence <= n) return phase;
    }
    return protocol.spacing.phases.at(-1)!;
  };
  const check = (from: string, to: string, sequence: number, other: number) => {
    const phase = phaseOf(sequence);
    const gap = hours(from, to);
    if (gap < phase.minGapHours) {
      throw new RuleViolation(
        "spacing",
        `Session ${sequence} must start at least ${phase.minGapHours} hours after session ${other}.`,
        "start",
      );
    }
    if (phase.maxGapHours !== undefined && gap > phase.maxGapHours) {
      throw new RuleViolation(
        "spacing",
        `Session ${sequence} must start at most ${phase.maxGapHours / 24} days after session ${other}.`,
        "start",
      );
    }
  };
  if (before) check(before.start, start, moving.sequence ?? 0, before.sequence ?? 0);
  if (after) check(start, after.start, after.sequence ?? 0, moving.sequence ?? 0);
  const first = sessions.find((s) => s.sequence === 1);
  if (protocol.spacing.windowDays && first && first.id !== moving.id) {
    if (hours(first.start, start) > protocol.spacing.windowDays * 24) {
      throw new RuleViolation(
        "spacing",
        `Every session must start within ${protocol.spacing.windowDays} days of the first.`,
        "start",
      );
    }
  }
}
