import type { WeeklyHours } from "../../api/types.js";
import { formatClock, WEEKDAYS } from "../../time/clinic-time.js";

const SHORT_DAY = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/**
 * Someone's working week in one line, for a table: "Clinic hours" when they keep the clinic's own (so the
 * line changes with the clinic's), else runs of days with the same times, "Mon–Fri 9:00 AM–5:00 PM ·
 * Sat 9:00 AM–12:00 PM". Days off are left out.
 */
export function hoursWords(hours: WeeklyHours | undefined): string {
  if (!hours) return "Clinic hours";
  const times = WEEKDAYS.map((day) =>
    hours[day].map((i) => `${formatClock(i.open)}–${formatClock(i.close)}`).join(", "),
  );
  const runs: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; ) {
    let j = i;
    while (j + 1 < WEEKDAYS.length && times[j + 1] === times[i]) j++;
    if (times[i]) {
      const days =
        i === j ? SHORT_DAY[WEEKDAYS[i]!] : `${SHORT_DAY[WEEKDAYS[i]!]}–${SHORT_DAY[WEEKDAYS[j]!]}`;
      runs.push(`${days} ${times[i]}`);
    }
    i = j + 1;
  }
  return runs.length > 0 ? runs.join(" · ") : "No working hours";
}
