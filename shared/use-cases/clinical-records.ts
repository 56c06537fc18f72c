import { clinicDate } from "../domain/calendar.js";
import { isDosingService, lastDosingAfterCompleted, lastDosingAfterCorrection } from "../domain/lapse.js";
import { attendanceRefusal, isRemsSession, remsFormAfterAttendance } from "../domain/rems-form.js";
import { revised } from "../domain/revision.js";
import type { Appointment, ProtocolId } from "../domain/types.js";
import type { ChangeSet } from "../ports/store.js";
import { type Deps, loadClinic, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";

export interface OutcomeInput {
  eligible: boolean;
  protocols?: ProtocolId[];
  notes?: string;
}

/**
 * Records a consultation's outcome.
 * 1. Only a consultation that has started and was not cancelled or missed takes an outcome.
 * 2. The consultation becomes completed, and the patient's eligibility becomes what the outcome says:
 *    this is the gate every series, protocol session and booster checks. When it was recorded goes with
 *    it: a new outcome is what lifts a lapse (domain/lapse.ts).
 * 3. Both writes are guarded by the versions read, in one transaction.
 */
export async function recordOutcome(deps: Deps, id: string, input: OutcomeInput, clinicianId: string) {
  return retryOnStaleWrite(deps, async () => {
    const current = await deps.store.getAppointment(id);
    if (!current) throw new NotFound("appointment");
    const now = nowIso(deps);
    if (current.service !== "consultation") {
      throw new Conflict("An outcome can only be recorded on a consultation.", "not-a-consultation");
    }
    if (current.status === "cancelled" || current.status === "no-show") {
      throw new Conflict(
        `This consultation is ${current.status}; it has no outcome to record.`,
        "wrong-state",
      );
    }
    if (current.start > now) {
      throw new Conflict("This consultation has not taken place yet.", "not-started");
    }
    const patient = await deps.store.getPatient(current.patientId);
    if (!patient) throw new NotFound("patient");
    const protocols = input.eligible ? [...new Set(input.protocols ?? [])] : [];
    const next = revised(
      current,
      {
        status: "completed",
        outcome: {
          eligible: input.eligible,
          protocols,
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          recordedAt: now,
          recordedBy: clinicianId,
        },
      },
      now,
    );
    const nextPatient = revised(patient, { eligibleProtocols: protocols, eligibilityRecordedAt: now }, now);
    await deps.store.commit({ updateAppointments: [next], updatePatient: nextPatient });
    return next;
  });
}

/**
 * Records whether the patient came. Only for an appointment that has started and was not cancelled; a
 * mistaken mark can be corrected. Reminders stay as they are: a series' booster invitation still follows.
 * A dosing session's mark also keeps the patient's last dosing date (see dosingDateChange), in the same
 * transaction, guarded by the patient's version.
 * A completed esketamine session owes a REMS monitoring form from then on, written with the mark (a
 * correction to no-show drops it again; once the form is recorded, the session stays completed).
 */
export async function recordAttendance(deps: Deps, id: string, status: "completed" | "no-show") {
  return retryOnStaleWrite(deps, async () => {
    const current = await deps.store.getAppointment(id);
    if (!current) throw new NotFound("appointment");
    const now = nowIso(deps);
    if (current.status === "cancelled") throw new Conflict("This appointment was cancelled.", "wrong-state");
    if (current.start > now) throw new Conflict("This appointment has not started yet.", "not-started");
    const refusal = attendanceRefusal(current, status);
    if (refusal) throw new Conflict(refusal.message, refusal.code);
    const next = revised(current, { status }, now);
    // The clinic's zone dates the form; only an esketamine session needs it.
    const forms = isRemsSession(next)
      ? remsFormAfterAttendance(next, (await loadClinic(deps)).timezone)
      : undefined;
    await deps.store.commit({
      updateAppointments: [next],
      ...(await dosingDateChange(deps, current, next)),
      ...(forms && "owes" in forms ? { saveRemsForms: [forms.owes] } : {}),
      ...(forms && "owesNone" in forms ? { dropRemsForms: [forms.owesNone] } : {}),
    });
    return next;
  });
}

/**
 * The patient write an attendance mark brings, if any: a dosing session recorded completed moves the
 * patient's last dosing date forward (never back, so a late mark of an old session cannot shorten the
 * lapse); a completed mark corrected to a no-show hands the date back to the latest other completed dosing
 * session (a key-bounded query of the patient's appointments, only in that rare case). Nothing to write
 * when the date stays.
 */
async function dosingDateChange(
  deps: Deps,
  before: Appointment,
  after: Appointment,
): Promise<Pick<ChangeSet, "updatePatient">> {
  if (!isDosingService(after.service)) return {};
  // A repeated `completed` mark is read too: it files a dose marked before the patient kept the date.
  if (after.status !== "completed" && before.status !== "completed") return {};
  const patient = await deps.store.getPatient(after.patientId);
  if (!patient) throw new NotFound("patient");
  const clinic = await loadClinic(deps);
  const dateOf = (a: Appointment) => a.date ?? clinicDate(clinic, a.start);
  let lastDosingOn: string | undefined;
  if (after.status === "completed") {
    lastDosingOn = lastDosingAfterCompleted(patient.lastDosingOn, dateOf(after));
  } else {
    const others = (await deps.store.listPatientAppointments(patient.id)).filter(
      (a) => a.id !== after.id && a.status === "completed" && isDosingService(a.service),
    );
    lastDosingOn = lastDosingAfterCorrection(patient.lastDosingOn, dateOf(after), others.map(dateOf));
  }
  if (lastDosingOn === patient.lastDosingOn) return {};
  return {
    updatePatient: revised(patient, { lastDosingOn }, after.updatedAt),
  };
}
