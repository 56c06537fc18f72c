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

  /** The API's stable code for the refusal (`staff-unavailable`, `lapsed`…), an extension of problem+json. */
  get code(): string | undefined {
    const { code } = this.problem as { code?: unknown };
    return typeof code === "string" ? code : undefined;
  }
}

/** What the person at the desk reads: one sentence that says what to do, and the fields at fault. */
export interface ReadableProblem {
  summary: string;
  details: string[];
  /** What the desk can do about it, where the refusal has a usual way forward. */
  next?: string;
}

/**
 * The way forward after the refusals a front desk meets while booking, by the problem's code. The API's
 * own sentence says what is wrong (which role, which day, when the last dose was); this says what to do.
 */
const NEXT_STEP: Record<string, string> = {
  "staff-unavailable":
    "Choose another time (for a series, another first session): the times offered are the ones someone can staff. If nobody works when the patient needs, an administrator can add staff or change their hours on the Staff page.",
  lapsed: "Book a consultation first. Once a clinician records its outcome, this booking can be made again.",
};

/**
 * Refusals said in the console's own words, where the API's sentence is not one for the desk: a REMS form's
 * refusals carry raw UTC instants and name states by code, and `rems-form-recorded` also answers a mark of
 * attendance on a session whose form is filed, so these words fit both.
 */
const OWN_WORDS: Record<string, { summary: string; next: string }> = {
  "not-a-rems-session": {
    summary: "Only an esketamine session (or an esketamine booster) has a REMS monitoring form.",
    next: "There is nothing to record for this session.",
  },
  "not-completed": {
    summary: "This session is not marked completed, so it owes no REMS monitoring form.",
    next: "Once the patient has come, mark the session completed (on Today or the Clinician page); its form can be recorded then.",
  },
  "rems-form-recorded": {
    summary: "This session's REMS monitoring form is already recorded.",
    next: "A recorded form stands as it was filed, and its session stays completed. The patient's record shows when it was submitted; a correction goes to the REMS program.",
  },
};

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
  roles: "Roles",
  submittedAt: "Submitted",
  reference: "Reference",
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
  // A rule's 422 names its field with the same sentence as its detail: say it once.
  const details = error.fieldErrors
    .filter((e) => e.message !== error.problem.detail)
    .map((e) => {
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
    case 422: {
      const own = error.code ? OWN_WORDS[error.code] : undefined;
      if (own && error.status === 409) return { ...own, details };
      const next = error.code ? NEXT_STEP[error.code] : undefined;
      const summary = error.problem.detail ?? "This cannot be done as asked.";
      return next ? { summary, details, next } : { summary, details };
    }
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
