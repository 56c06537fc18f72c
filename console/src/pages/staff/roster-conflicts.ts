import type { StaffRole } from "../../api/types.js";
import { conflictsOf } from "../clinic/conflicts.js";

/** One booked session a roster change would leave without its person (`PATCH /staff/{id}` 409 `conflicts`). */
export interface RosterConflict {
  appointmentId: string;
  start: string;
  staffId: string;
  reason: "staff-inactive" | "staff-role" | "staff-hours" | string;
}

/** The sessions a refused roster change would strand, or none: the 409 carries them as for clinic settings. */
export function rosterConflictsOf(error: unknown): RosterConflict[] {
  return (conflictsOf(error) as Partial<RosterConflict>[]).filter(
    (c): c is RosterConflict => typeof c.staffId === "string",
  );
}

/**
 * Why one session cannot keep the person, in words ("they are its nurse"), with the role they hold in it
 * when the console knows it; an unknown code is shown as it is rather than hidden.
 */
export function rosterConflictWhy(reason: string, role?: StaffRole): string {
  switch (reason) {
    case "staff-inactive":
      return role ? `they are its ${role}` : "they staff it";
    case "staff-role":
      return role
        ? `they are its ${role}, a role you are taking away`
        : "they staff it in a role you are taking away";
    case "staff-hours":
      return "it falls outside their new working hours";
    default:
      return reason.replaceAll("-", " ");
  }
}
