import { type ApiClient, ok } from "../../api/client.js";
import type { HandOnResult } from "./hand-on-words.js";
import type { RosterConflict } from "./roster-conflicts.js";

/**
 * Hands a session to other staff at the time it already has: a reschedule to its own start without the
 * person (`withoutStaff`), which changes only the people and tells the patient nothing. The API answers
 * 409 `staff-unavailable` when nobody else is free then.
 */
export async function handOn(api: ApiClient, conflict: RosterConflict): Promise<HandOnResult> {
  try {
    const moved = ok(
      await api.POST("/appointments/{id}/reschedule", {
        params: { path: { id: conflict.appointmentId } },
        body: { start: conflict.start, withoutStaff: [conflict.staffId] },
      }),
    );
    return { handed: true, staff: moved.staff ?? [] };
  } catch (error) {
    return { handed: false, error };
  }
}
