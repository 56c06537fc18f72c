import type { Appointment } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { REMINDER_KIND, REMINDER_STATUS, reminderReason } from "../../labels.js";
import { formatDateTime } from "../../time/clinic-time.js";

/** What the patient will hear and when, right after booking, so the desk can tell them on the phone. */
export function BookedReminders({ appointments }: { appointments: Appointment[] }) {
  const { clinic } = useConsole();
  const reminders = appointments.flatMap((a) => a.reminders);
  if (reminders.length === 0) return null;
  return (
    <ul class="plain">
      {reminders
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((r) => (
          <li key={r.id}>
            {REMINDER_KIND[r.kind]}: {REMINDER_STATUS[r.status].toLowerCase()}
            {r.status === "scheduled" ? ` for ${formatDateTime(r.dueAt, clinic.timezone)}` : ""}
            {reminderReason(r.reason) ? ` (${reminderReason(r.reason)})` : ""}
          </li>
        ))}
    </ul>
  );
}
