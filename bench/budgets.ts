/**
 * The performance budgets of issue 6. Every budget is "measured ≤ limit", so one verdict function can say
 * PASS, or MISS and by how much, the same way for kilobytes, milliseconds, ratios and request counts.
 */
export interface BudgetCheck {
  id: string;
  label: string;
  measured: number;
  limit: number;
  unit: string;
}

export interface Verdict extends BudgetCheck {
  pass: boolean;
  /** "PASS" or "MISS by 495 KB (+99%)". */
  text: string;
}

export function verdict(check: BudgetCheck): Verdict {
  const pass = Number.isFinite(check.measured) && check.measured <= check.limit;
  if (pass) return { ...check, pass, text: "PASS" };
  if (!Number.isFinite(check.measured)) return { ...check, pass, text: "MISS (not measured)" };
  const over = check.measured - check.limit;
  const percent = check.limit === 0 ? "" : ` (+${Math.round((over / check.limit) * 100)}%)`;
  return {
    ...check,
    pass,
    text: `MISS by ${formatNumber(over)} ${check.unit}${percent}`.replace(/ +/g, " "),
  };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

/** The limits, in one place so the README and the code cannot drift apart silently. */
export const LIMITS = {
  bundleKb: 500,
  initRatio: 2,
  seriesWrites: 1,
  reminderRequests: 4,
  scans: 0,
  consultationP95Ms: 50,
  seriesP95Ms: 150,
  availabilityMs: 20,
  planSeriesMs: 20,
  remindersSeconds: 30,
  /** Issue 15: the staff console's JavaScript, gzipped, and a fresh browser to a rendered Today of 60. */
  consoleJsKb: 150,
  consoleTodayMs: 1000,
} as const;
