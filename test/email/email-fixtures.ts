import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import type { Patient } from "../../shared/domain/types.js";

export const clinic = DEFAULT_CLINIC;

/** A whole patient record: the renderer may read only the first name from it. */
export const patient: Patient = {
  id: "pat_1",
  firstName: "Ann",
  lastName: "Zybrowski",
  email: "ann.zybrowski@example.com",
  phone: "+1 555 777 8888",
  timezone: "America/New_York",
  emailConsent: true,
  remsEnrolled: false,
  emailStatus: "ok",
  eligibleProtocols: ["iv-ketamine"],
  version: 1,
  createdAt: "2026-11-01T12:00:00Z",
  updatedAt: "2026-11-01T12:00:00Z",
};

/** Unfolds RFC 5545 lines (a continuation starts with a space or tab). */
export function icsLines(ics: string): string[] {
  return ics
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
}

export function icsValues(ics: string, name: string): string[] {
  return icsLines(ics)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(":", name.length) + 1));
}

/** Walks BEGIN/END pairs and returns the VEVENT blocks, failing on an unbalanced file. */
export function icsEvents(ics: string): string[][] {
  const lines = icsLines(ics);
  const stack: string[] = [];
  const events: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith("BEGIN:")) {
      stack.push(line.slice(6));
      if (line === "BEGIN:VEVENT") current = [];
    } else if (line.startsWith("END:")) {
      if (stack.pop() !== line.slice(4)) throw new Error(`unbalanced ${line}`);
      if (line === "END:VEVENT" && current) {
        events.push(current);
        current = undefined;
      }
    } else {
      current?.push(line);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(",")}`);
  return events;
}

export function eventValue(event: string[], name: string): string | undefined {
  const line = event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":", name.length) + 1);
}
