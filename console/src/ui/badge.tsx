import type { ComponentChildren } from "preact";

export type Tone = "neutral" | "info" | "good" | "warn" | "bad" | "muted";

/** A short status in a coloured pill; the text itself carries the meaning, never the colour alone. */
export function Badge({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`badge ${tone}`}>{children}</span>;
}

export const APPOINTMENT_TONE = {
  booked: "info",
  completed: "good",
  "no-show": "warn",
  cancelled: "muted",
} as const;

export const REMINDER_TONE = {
  scheduled: "info",
  sent: "good",
  skipped: "warn",
  cancelled: "muted",
  failed: "bad",
} as const;
