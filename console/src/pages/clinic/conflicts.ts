import { ApiError } from "../../api/api-error.js";

/** One booked appointment that new settings would strand (`PUT /clinic` 409 `conflicts`). */
export interface SettingsConflict {
  appointmentId: string;
  start: string;
  reason: "time-zone" | "closed-date" | "outside-hours" | "capacity" | string;
}

const WHY: Record<string, string> = {
  "closed-date": "falls on a date you are closing",
  "outside-hours": "falls outside the new opening hours",
  capacity: "needs a chair or office the new count takes away",
  "time-zone": "was booked on the current time zone's clock",
};

/** The conflicts of a refused settings change, or none: the 409 carries them as an extension member. */
export function conflictsOf(error: unknown): SettingsConflict[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const { conflicts } = error.problem as { conflicts?: unknown };
  return Array.isArray(conflicts) ? (conflicts as SettingsConflict[]) : [];
}

/** Why one appointment cannot stay, in words; an unknown code is shown as it is rather than hidden. */
export function conflictWhy(reason: string): string {
  return WHY[reason] ?? reason.replaceAll("-", " ");
}
