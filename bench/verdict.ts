/**
 * Every budget is "measured ≤ limit", so one verdict function can say PASS, or MISS and by how much, the
 * same way for kilobytes, milliseconds, ratios and request counts. The budgets are in budgets.ts.
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
  const measured = Number.isFinite(check.measured) && Number.isFinite(check.limit);
  const pass = measured && check.measured <= check.limit;
  if (pass) return { ...check, pass, text: "PASS" };
  if (!measured) return { ...check, pass, text: "MISS (not measured)" };
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
