import type { ClaimedReminder, ReminderRef, UnsettledReminder } from "../../ports/store.js";
import { itemToReminder } from "./item-codec.js";

type Item = Record<string, unknown>;

/** Nobody holds the reminder, or the one who did let its lease run out (`:now`). */
export const CLAIM_OR_LEASE_OVER = "(attribute_not_exists(claimedUntil) OR claimedUntil < :now)";

/** A settled reminder leaves the unsettled index (it is sparse: only pending reminders carry its keys). */
export const SETTLED_INDEX_REMOVAL = "gsi4pk, gsi4sk";

/**
 * The reminder is still pending at the version the caller acted on. Names `#s` and `#v`; for version 0
 * (stored before versions existed) it checks that there is none.
 */
export function pendingAtVersion(ref: ReminderRef): { condition: string; values: Record<string, unknown> } {
  return ref.version === 0
    ? {
        condition: "#s = :scheduled AND attribute_not_exists(#v)",
        values: { ":scheduled": "scheduled" },
      }
    : {
        condition: "#s = :scheduled AND #v = :version",
        values: { ":scheduled": "scheduled", ":version": ref.version },
      };
}

/** The next version of a reminder item, including one stored before versions existed. */
export const NEXT_VERSION = "#v = if_not_exists(#v, :zero) + :one";
export const NEXT_VERSION_VALUES = { ":zero": 0, ":one": 1 };

export function claimedReminderFromItem(item: Item): ClaimedReminder {
  return {
    ...itemToReminder(item),
    appointmentId: item.appointmentId as string,
    patientId: item.patientId as string,
    ...(typeof item.seriesId === "string" ? { seriesId: item.seriesId } : {}),
    ...(typeof item.appointmentStart === "string" ? { plannedFor: item.appointmentStart } : {}),
  };
}

export function unsettledFromItem(item: Item): UnsettledReminder {
  return {
    appointmentId: item.appointmentId as string,
    reminderId: item.id as string,
    patientId: item.patientId as string,
    kind: item.kind as UnsettledReminder["kind"],
    dueAt: item.dueAt as string,
    version: typeof item.version === "number" ? item.version : 0,
    ...(typeof item.claimedUntil === "string" ? { claimedUntil: item.claimedUntil } : {}),
    ...(typeof item.redrivenAt === "string" ? { redrivenAt: item.redrivenAt } : {}),
  };
}
