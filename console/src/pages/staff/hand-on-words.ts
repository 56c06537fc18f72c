import { ApiError, readableProblem } from "../../api/api-error.js";
import type { StaffAssignment, StaffRole } from "../../api/types.js";
import { STAFF_ROLE, staffWords } from "../../labels.js";

/** How handing one stranded session to someone else went: the people it has now, or why not. */
export type HandOnResult = { handed: true; staff: StaffAssignment[] } | { handed: false; error: unknown };

/**
 * Who took the session, in words: "Handed to Nurse Ria Chen." names whoever now holds the role the person
 * held; without that role known, the session's people as they are now. A session the API left with nobody
 * in the person's place is said plainly, so nobody counts on a colleague who is not there.
 */
export function handOnWords(result: HandOnResult, removed: { staffId: string; role?: StaffRole }): string {
  if (!result.handed) return `Not handed on: ${whyNot(result.error)}`;
  const others = result.staff.filter((s) => s.id !== removed.staffId);
  if (removed.role) {
    const takers = others.filter((s) => s.role === removed.role);
    if (takers.length > 0)
      return `Handed to ${takers.map((s) => `${STAFF_ROLE[s.role]} ${s.name}`).join(" and ")}.`;
    return `Taken off it, but nobody took their place as its ${removed.role}: check the session on Today.`;
  }
  if (others.length > 0) return `Handed on: now with ${staffWords(others)}.`;
  return "Taken off it, but the session now has nobody: check it on Today.";
}

/** Why a hand-on was refused, as the next thing to do about it. */
function whyNot(error: unknown): string {
  if (error instanceof ApiError && error.code === "staff-unavailable") {
    return "nobody else is free then. Reschedule or cancel it on Today.";
  }
  return readableProblem(error).summary;
}

/** "2 of 6 sessions handed on.", or once every one is, what to do next. */
export function handOnProgress(handed: number, total: number): string {
  const sessions = `session${total === 1 ? "" : "s"}`;
  if (handed === total)
    return `${total === 1 ? "The" : `All ${total}`} ${sessions} handed on: try the change again.`;
  return `${handed} of ${total} ${sessions} handed on.`;
}
