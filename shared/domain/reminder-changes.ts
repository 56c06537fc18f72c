import type { PlannedReminder } from "./reminder-plan.js";
import type { Reminder } from "./types.js";

/**
 * A pending reminder due within this margin may already be in a sender's hands: schedule-sync hands over
 * anything due within a minute at once, and the reconciler re-drives what is overdue. A change never
 * moves such a reminder in place (see `replanReminders`).
 */
export const IN_FLIGHT_MARGIN_MS = 2 * 60_000;

/** An appointment's reminders after a change, and which of them the change writes. */
export interface ReminderChanges {
  /** Every reminder of the appointment after the change, settled ones included. */
  all: Reminder[];
  /** New reminders (version 1). */
  created: Reminder[];
  /** Changed reminders, each one version on from what was read. */
  updated: Reminder[];
}

/** Planned reminders as new records. */
export function newReminders(ids: () => string, planned: PlannedReminder[]): Reminder[] {
  return planned.map((p) => ({
    id: ids(),
    kind: p.kind,
    dueAt: p.dueAt,
    status: p.status,
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    version: 1,
  }));
}

/** A reminder changed by this write: one version on from what was read, so the write is guarded by it. */
export function revise(reminder: Reminder, changes: Partial<Omit<Reminder, "id" | "version">>): Reminder {
  return { ...reminder, ...changes, version: reminder.version + 1 };
}

/** Nothing written yet: the reminders as read. */
export function unchanged(reminders: Reminder[]): ReminderChanges {
  return { all: [...reminders], created: [], updated: [] };
}

/** Adds new reminders to a set of changes. */
export function withNew(changes: ReminderChanges, added: Reminder[]): ReminderChanges {
  return {
    all: [...changes.all, ...added],
    created: [...changes.created, ...added],
    updated: changes.updated,
  };
}

/**
 * Pending reminders stop, cancelled with the reason so staff can see why. One a sender holds right now
 * still records itself as sent if its email got through (the store's late-send rule).
 */
export function cancelPending(reminders: Reminder[], reason: string): ReminderChanges {
  const updated: Reminder[] = [];
  const all = reminders.map((r) => {
    if (r.status !== "scheduled") return r;
    const next = revise(r, { status: "cancelled", reason });
    updated.push(next);
    return next;
  });
  return { all, created: [], updated };
}

/**
 * An appointment's reminders re-planned for its new time (`planned`, from planAppointmentReminders).
 * - Settled reminders (sent, skipped, cancelled, failed) stay: they are the record of what happened. A kind
 *   already sent for the old time is planned again for the new one, as a reminder of its own.
 * - A pending reminder due beyond the in-flight margin moves in place (same reminder, new due time): no
 *   sender can hold it yet, and its schedule is moved in one request.
 * - A pending reminder due within the margin, or overdue, may be on its way to the patient for the old
 *   time. It is cancelled ("appointment-moved"), so a send that got through is recorded on it as sent, and
 *   the new time gets a reminder of its own. One reminder, one email, always.
 * - A pending reminder of a kind no longer planned is cancelled.
 * With `resave`, nothing moved: pending reminders beyond the margin are written again as they are (so
 * their schedules are made again), and nothing else changes.
 */
export function replanReminders(args: {
  current: Reminder[];
  planned: PlannedReminder[];
  now: string;
  ids: () => string;
  resave?: boolean;
}): ReminderChanges {
  const nowMs = new Date(args.now).getTime();
  const inFlight = (r: Reminder) => new Date(r.dueAt).getTime() <= nowMs + IN_FLIGHT_MARGIN_MS;
  const created: Reminder[] = [];
  const updated: Reminder[] = [];
  const covered = new Set<string>();
  const all = args.current.map((r) => {
    if (r.status !== "scheduled") return r;
    const plan = args.planned.find((p) => p.kind === r.kind);
    if (args.resave) {
      if (inFlight(r)) return r;
      const next = revise(r, {});
      updated.push(next);
      return next;
    }
    let next: Reminder;
    if (plan && !inFlight(r)) {
      covered.add(plan.kind);
      const { reason: _reason, ...rest } = r;
      next = {
        ...rest,
        dueAt: plan.dueAt,
        status: plan.status,
        ...(plan.reason !== undefined ? { reason: plan.reason } : {}),
        version: r.version + 1,
      };
    } else {
      next = revise(r, { status: "cancelled", reason: "appointment-moved" });
    }
    updated.push(next);
    return next;
  });
  if (!args.resave)
    created.push(
      ...newReminders(
        args.ids,
        args.planned.filter((p) => !covered.has(p.kind)),
      ),
    );
  return { all: [...all, ...created], created, updated };
}
