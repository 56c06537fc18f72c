import { movedAppointment } from "../domain/appointment-versions.js";
import { mayChangeSilently } from "../domain/booking-hold.js";
import { assertSlot, clinicDate } from "../domain/calendar.js";
import { clinicProtocol } from "../domain/protocol-catalogue.js";
import { cancelPending, newReminders, withNew } from "../domain/reminder-changes.js";
import { movedReminders } from "../domain/reminder-moves.js";
import { planNotice } from "../domain/reminder-plan.js";
import { revised } from "../domain/revision.js";
import { assertSpacingKept, type SessionPlace } from "../domain/series-spacing.js";
import { staffingFor } from "../domain/staffing.js";
import type { Appointment, CancelledBy } from "../domain/types.js";
import type { ChangeSet, SeriesSessionSummary } from "../ports/store.js";
import {
  allReminderWrites,
  bookingsOf,
  capacityChanges,
  endOf,
  readForBooking,
  reminderWrites,
} from "./booking-support.js";
import { type Deps, nowIso, retryOnStaleWrite, utcIso } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";
import { assertFollowsDose, followingIntegration, moveFollower, stillFollows } from "./integration-moves.js";

async function getAppointmentOrThrow(deps: Deps, id: string): Promise<Appointment> {
  const appointment = await deps.store.getAppointment(id);
  if (!appointment) throw new NotFound("appointment");
  return appointment;
}

export async function getAppointment(deps: Deps, id: string): Promise<Appointment> {
  return getAppointmentOrThrow(deps, id);
}

/** Only a booked appointment that has not started can be changed (`action`: "cancelled", "rescheduled"). */
export function assertUpcoming(appointment: Appointment, now: string, action: string): void {
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

/**
 * What a change to a booked appointment was decided under: the clinic's settings and, for a series
 * session, the series' sessions. The write is guarded by both, so it cannot land over a settings change or
 * another change to the same series (two neighbouring sessions moved at once, say).
 */
function decidedUnder(
  appointment: Appointment,
  reads: { clinicVersion: number; seriesVersion?: number | undefined },
): Pick<ChangeSet, "clinicVersion" | "seriesRead"> {
  return {
    clinicVersion: reads.clinicVersion,
    ...(appointment.seriesId !== undefined && reads.seriesVersion !== undefined
      ? { seriesRead: { [appointment.seriesId]: reads.seriesVersion } }
      : {}),
  };
}

/** The sessions of a series as the spacing rules need them: from the summary, or read if it has none. */
export async function seriesSessionsOf(
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
 * 3. The patient gets a cancellation notice, unless the booking is still inside its hold and nothing of it
 *    went out (then it is as if it never happened). Past the hold, always, even if the confirmation still
 *    shows as scheduled: it may be on its way this very moment (send-reminder claims it, reads the
 *    appointment, then sends; a change that lands after that read cannot stop the email), and a notice
 *    about a booking never heard of is a far smaller harm than a confirmation nobody takes back.
 */
export async function cancelAppointment(deps: Deps, id: string, reason?: string): Promise<Appointment> {
  return cancelUpcoming(deps, id, reason !== undefined ? { reason } : {});
}

/**
 * Cancels an upcoming appointment, by staff or (`by: "patient"`) from an email's link. Inside the booking
 * hold it may tell the patient nothing (see mayChangeSilently); that attempt lands only if no sender holds
 * one of its reminders, and if it loses any race the next attempt tells the patient.
 */
export async function cancelUpcoming(
  deps: Deps,
  id: string,
  options: CancelOptions,
  /** Checks of its own before it cancels (a patient's link): throw to refuse. */
  check?: (current: Appointment) => void,
): Promise<Appointment> {
  let attempts = 0;
  return retryOnStaleWrite(deps, async () => {
    const current = await getAppointmentOrThrow(deps, id);
    check?.(current);
    assertUpcoming(current, nowIso(deps), "cancelled");
    return cancelBooked(deps, current, { ...options, mayBeSilent: attempts++ === 0 });
  });
}

/** How a cancellation is recorded and told: staff's reason, and who called it off if not staff. */
export interface CancelOptions {
  reason?: string;
  /** A clinic closure: recorded on the appointment, and its notice says the clinic will call. */
  by?: CancelledBy;
  /** Inside the booking hold, with nothing sent yet, the patient is told nothing (see cancelUpcoming). */
  mayBeSilent?: boolean;
}

/**
 * Steps 2 and 3 of a cancellation, for an appointment read as booked and upcoming (by cancelAppointment,
 * or by a closure of its day): one transaction guarded by its version, its day's and the settings'.
 */
export async function cancelBooked(deps: Deps, current: Appointment, options: CancelOptions) {
  const now = nowIso(deps);
  const reads = await loadChangeReads(deps, current, [current.start]);
  const { clinic, patient, days } = reads;
  let reminders = cancelPending(current.reminders, "appointment-cancelled");
  const silent = options.mayBeSilent === true && mayChangeSilently(current, clinic, now);
  if (patient && !silent) {
    const notice = planNotice({ clinic, patientTimezone: patient.timezone, now, kind: "cancellation" });
    // A move whose notice had not gone out yet: the patient last heard of the time before it.
    const lastHeard = current.reminders
      .filter((r) => r.kind === "reschedule" && r.status === "scheduled" && r.previousStart)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]?.previousStart;
    const notices = newReminders(deps.ids, [notice]).map((r) => ({
      ...r,
      ...(lastHeard && lastHeard !== current.start ? { previousStart: lastHeard } : {}),
      ...(options.by === "clinic-closure" ? { notice: "clinic-closure" as const } : {}),
    }));
    reminders = withNew(reminders, notices);
  }
  const next = revised(
    current,
    {
      status: "cancelled",
      reminders: reminders.all,
      ...(options.reason !== undefined ? { cancelReason: options.reason } : {}),
      ...(options.by !== undefined ? { cancelledBy: options.by } : {}),
    },
    now,
  );
  await deps.store.commit({
    updateAppointments: [next],
    ...reminderWrites(next, reminders),
    capacity: capacityChanges(clinic, days, [], [current]),
    ...decidedUnder(current, reads),
    ...(silent ? { remindersUnclaimed: true } : {}),
  });
  return next;
}

/**
 * Moves one appointment to a new start.
 * 1. Only an upcoming booked appointment moves; the new slot must be bookable (it does not block itself).
 * 2. A series session keeps its protocol's spacing to the sessions before and after it. An integration
 *    session stays on the days after its dosing session; a dosing session takes its integration session
 *    along when the move leaves it outside them (integration-moves.ts), in the same write, or is refused.
 * 3. Its reminders are re-planned for the new time (see replanReminders: one reminder, one email), and the
 *    patient gets a notice with the updated calendar entry.
 * Moving it to the time it already has changes nothing for the patient: its pending reminders are saved
 * again (which makes their schedules again, the recovery runbook's step) and no notice goes out.
 */
export async function rescheduleAppointment(
  deps: Deps,
  id: string,
  newStart: string,
  options: { withoutStaff?: readonly string[] } = {},
): Promise<Appointment> {
  const without = new Set(options.withoutStaff ?? []);
  return retryOnStaleWrite(deps, async () => {
    const current = await getAppointmentOrThrow(deps, id);
    const now = nowIso(deps);
    assertUpcoming(current, now, "rescheduled");
    const start = utcIso(newStart);
    const resave = start === current.start;
    const minutes = (new Date(current.end).getTime() - new Date(current.start).getTime()) / 60_000;
    const end = endOf(start, minutes);
    const reads = await loadChangeReads(deps, current, [current.start, start]);
    const { clinic, patient, days } = reads;
    if (!patient) throw new NotFound("patient");
    const protocol = current.protocolId ? clinicProtocol(clinic, current.protocolId) : undefined;

    // A KAP dose takes its integration session along when the move leaves it outside its days: then the
    // dose's new time may take the integration session's old place.
    const follower = resave ? undefined : await followingIntegration(deps, protocol, current);
    const followerMoves =
      follower !== undefined && !stillFollows(clinic, protocol!, follower, { start, end }, current);
    // In a staffed clinic, the same people where they are free at the new time, unless told otherwise.
    // Whether the clinic is staffed is the whole roster's to say: leaving everyone out is "nobody free".
    const staffing = staffingFor(clinic, reads.staff, current.service, protocol);
    const holds = assertSlot({
      clinic,
      resource: current.resource,
      start,
      minutes,
      bookings: bookingsOf(days, new Set(followerMoves ? [current.id, follower.id] : [current.id])),
      now,
      ...(staffing
        ? { staffing: { ...staffing, roster: staffing.roster.filter((m) => !without.has(m.id)) } }
        : {}),
      prefer: (current.staff ?? []).map((s) => s.id).filter((id) => !without.has(id)),
    });
    let seriesTotal: number | undefined;
    if (current.seriesId !== undefined && current.protocolId) {
      const sessions = await seriesSessionsOf(deps, current.seriesId, reads.seriesSessions);
      seriesTotal = sessions.length;
      assertSpacingKept(clinic, current, start, sessions);
    }
    await assertFollowsDose(deps, clinic, current, { start, end });
    const followerMove = followerMoves
      ? await moveFollower(deps, { ...reads, patient }, protocol!, current, follower, { start, end, holds })
      : undefined;
    const reminders = movedReminders({
      clinic,
      patientTimezone: patient.timezone,
      now,
      ids: deps.ids,
      appointment: current,
      start,
      end,
      protocol,
      ...(current.sequence !== undefined && seriesTotal !== undefined
        ? { series: { sequence: current.sequence, total: seriesTotal } }
        : {}),
    });
    const next = movedAppointment(current, {
      clinic,
      start,
      end,
      reminders,
      now,
      holds,
      roster: reads.staff,
    });
    const moved = followerMove?.next;
    await deps.store.commit({
      updateAppointments: moved ? [next, moved] : [next],
      ...allReminderWrites([
        { appointment: next, changes: reminders },
        ...(moved ? [{ appointment: moved, changes: followerMove.reminders }] : []),
      ]),
      capacity: capacityChanges(
        clinic,
        [...days, ...(followerMove?.days ?? [])],
        [{ ...next, holds }, ...(moved ? [{ ...moved, holds: followerMove.holds }] : [])],
        moved ? [current, follower!] : [current],
      ),
      ...decidedUnder(current, reads),
      // It stays where it is because of where it is: it must still be there when this lands.
      ...(follower && !moved ? { appointmentsRead: { [follower.id]: follower.version } } : {}),
    });
    return next;
  });
}
