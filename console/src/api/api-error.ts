import type { FieldError, Problem } from "./types.js";

/**
 * A request the API refused or could not answer. `status` 0 means the server was not reached at all.
 * The API's problem+json (`detail`, `errors[]`) is kept whole: its texts are written for a front desk.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> = {},
  ) {
    super(problem.detail ?? `HTTP ${status}`);
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** What the person at the desk reads: one sentence that says what to do, and the fields at fault. */
export interface ReadableProblem {
  summary: string;
  details: string[];
}

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  name: "Name",
  start: "Start",
  patientId: "Patient",
  protocolId: "Treatment",
  protocols: "Treatments",
  reason: "Reason",
  notes: "Notes",
  timezone: "Time zone",
  chairs: "Chairs",
  offices: "Offices",
  closedDates: "Closed dates",
  quietHours: "Quiet hours",
  bookingHorizonDays: "Booking horizon",
  arrivalMinutesBefore: "Arrival before start",
};

/** "hours.mon.0.close" → "Hours › mon › 1 › close"; known fields by their label. */
function fieldLabel(path: string): string {
  const parts = path.split(".").filter((p) => p !== "query" && p !== "path" && p !== "(body)");
  if (parts.length === 0) return "";
  const [first, ...rest] = parts;
  const head = FIELD_LABELS[first!] ?? first!;
  return [head, ...rest.map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p))].join(" › ");
}

export function readableProblem(error: unknown): ReadableProblem {
  if (!(error instanceof ApiError)) {
    return { summary: "Something went wrong in the console. Reload the page and try again.", details: [] };
  }
  const details = error.fieldErrors.map((e) => {
    const label = fieldLabel(e.path);
    return label ? `${label}: ${e.message}` : e.message;
  });
  switch (error.status) {
    case 0:
      return { summary: "The server cannot be reached. Check the connection, then try again.", details };
    case 400:
      return { summary: "Some details need attention.", details };
    case 401:
      return { summary: "Your sign-in has ended. Sign in again to continue.", details: [] };
    case 403:
      return {
        summary: "Your role does not allow this. An administrator can change your roles.",
        details: [],
      };
    case 404:
      return { summary: error.problem.detail ?? "This record no longer exists.", details };
    case 409:
    case 422:
      return { summary: error.problem.detail ?? "This cannot be done as asked.", details };
    default:
      if (error.status >= 500) {
        return {
          summary: "The server had a problem. Try again; if it keeps happening, tell your administrator.",
          details: [],
        };
      }
      return { summary: error.problem.detail ?? `The request failed (${error.status}).`, details };
  }
}
