import {
  type RemsForm,
  type RemsFormInput,
  type RemsFormStatus,
  recentSessionDates,
  recordRemsForm,
  remsFormOf,
  remsFormStatus,
} from "../domain/rems-form.js";
import type { Appointment } from "../domain/types.js";
import { type Deps, loadClinic, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";

/** A form as the listing shows it: where it stands now. */
export interface RemsFormView extends RemsForm {
  status: RemsFormStatus;
}

export interface RemsFormListQuery {
  /** Absent: every form still to file (due and overdue). */
  status?: RemsFormStatus;
  /** Submitted only: session dates, both or neither (default: the last DEFAULT_SUBMITTED_DAYS days). */
  from?: string;
  to?: string;
}

/**
 * Records a session's REMS monitoring form.
 * 1. Read the appointment (404).
 * 2. The domain decides: only a completed esketamine session takes one (409), filed neither in the future nor
 *    before the session (422); the same record again changes nothing, a different one is refused (409).
 * 3. The appointment and its form move together, guarded by the version read: the form leaves the open
 *    list for the submitted one in the same write.
 */
export async function recordRemsFormOf(
  deps: Deps,
  id: string,
  input: RemsFormInput,
  clinicianId: string,
): Promise<Appointment> {
  return retryOnStaleWrite(deps, async () => {
    const current = await deps.store.getAppointment(id);
    if (!current) throw new NotFound("appointment");
    const decided = recordRemsForm(current, input, clinicianId, nowIso(deps));
    if ("refused" in decided) throw new Conflict(decided.refused.message, decided.refused.code);
    if ("unchanged" in decided) return decided.unchanged;
    const clinic = await loadClinic(deps);
    const form = remsFormOf(decided.appointment, clinic.timezone);
    await deps.store.commit({
      updateAppointments: [decided.appointment],
      ...(form ? { saveRemsForms: [form] } : {}),
    });
    return decided.appointment;
  });
}

/**
 * The forms of one status, each a key range of the forms' own index: due from now on, overdue before now,
 * submitted between two session dates. Open forms by due time, submitted ones by session date.
 */
export async function listRemsForms(
  deps: Deps,
  query: RemsFormListQuery,
): Promise<{ forms: RemsFormView[] }> {
  const now = nowIso(deps);
  let forms: RemsForm[];
  if (query.status === "submitted") {
    const range =
      query.from !== undefined && query.to !== undefined
        ? { from: query.from, to: query.to }
        : recentSessionDates(now, (await loadClinic(deps)).timezone, DEFAULT_SUBMITTED_DAYS);
    forms = await deps.store.listSubmittedRemsForms(range.from, range.to);
  } else {
    forms = await deps.store.listOpenRemsForms(
      query.status === "due" ? { dueFrom: now } : query.status === "overdue" ? { dueBefore: now } : {},
    );
  }
  return { forms: forms.map((f) => ({ ...f, status: remsFormStatus(f, now) })) };
}

/** How many days of submitted forms a listing without dates covers (today included). */
export const DEFAULT_SUBMITTED_DAYS = 31;
