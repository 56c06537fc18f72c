import { clinicDateOf } from "../../time/clinic-time.js";

const DAY_MS = 86_400_000;

/** "2 days later", "next day": the gap the desk reads to the patient ("every other day, then weekly"). */
export function gapWords(previous: string, next: string, zone: string): string {
  const days = Math.round(
    (Date.parse(clinicDateOf(next, zone)) - Date.parse(clinicDateOf(previous, zone))) / DAY_MS,
  );
  if (days === 0) return "same day";
  if (days === 1) return "next day";
  if (days % 7 === 0) return days === 7 ? "1 week later" : `${days / 7} weeks later`;
  return `${days} days later`;
}
