import type { Clinic } from "../domain/clinic.js";
import { type AnswerRefusal, answerRefusal } from "../domain/patient-answer.js";
import { checkPatientLink, type PatientAction, readPatientLink } from "../domain/patient-link.js";
import { revised } from "../domain/revision.js";
import type { Appointment } from "../domain/types.js";
import { cancelUpcoming } from "./appointment-changes.js";
import { type Deps, loadClinic, nowIso, retryOnStaleWrite } from "./deps.js";

/**
 * What a patient's link leads to:
 * - `not-recognised`: malformed, forged, signed with a key we no longer hold, or expired (the
 *   appointment's time has come), or its appointment is gone. Nothing is read about anyone.
 * - `refused`: a good link that cannot do what it offers (see AnswerRefusal): already done, too late...
 * - `ask`: the page may offer its button (GET).
 * - `done`: the button was pressed and the answer recorded (POST).
 */
export type LinkAnswer =
  | { outcome: "not-recognised"; clinic: Clinic }
  | { outcome: "refused"; refusal: AnswerRefusal; clinic: Clinic; appointment: Appointment }
  | { outcome: "ask" | "done"; clinic: Clinic; appointment: Appointment };

/** Thrown inside a retried answer to stop it with a refusal read from the appointment as it is now. */
class Refused extends Error {
  constructor(readonly refusal: AnswerRefusal) {
    super(refusal);
  }
}

/**
 * The appointment a link names and the time it was sent for, if the link is ours and still good. A key id
 * not in the ring makes one fresh read of the keys, for a link signed after a rotation this copy has not
 * seen yet.
 */
async function linkedAppointment(deps: Deps, token: string, action: PatientAction) {
  const link = readPatientLink(token);
  if (!link || !deps.linkKeys) return undefined;
  const now = nowIso(deps);
  let problem = checkPatientLink(link, action, await deps.linkKeys.keys(), now);
  if (problem === "unknown-key")
    problem = checkPatientLink(link, action, await deps.linkKeys.keys({ fresh: true }), now);
  if (problem) return undefined;
  const appointment = await deps.store.getAppointment(link.appointmentId);
  return appointment ? { appointment, linkStart: link.expiresAt } : undefined;
}

/** What a link's page shows (GET): reads only, changes nothing, since mail scanners open links. */
export async function viewAnswerLink(deps: Deps, token: string, action: PatientAction): Promise<LinkAnswer> {
  const clinic = await loadClinic(deps);
  const linked = await linkedAppointment(deps, token, action);
  if (!linked) return { outcome: "not-recognised", clinic };
  const refusal = answerRefusal({ action, ...linked, clinic, now: nowIso(deps) });
  return refusal
    ? { outcome: "refused", refusal, clinic, appointment: linked.appointment }
    : { outcome: "ask", clinic, appointment: linked.appointment };
}

/**
 * The patient's answer (POST).
 * 1. The link must be ours, unexpired, for an appointment that still exists.
 * 2. The domain decides whether the answer may be taken now (answerRefusal); a refusal changes nothing.
 * 3. Confirm records `confirmation: "confirmed"`, guarded by the version read. Cancel runs the usual
 *    cancellation (reminders cancelled, chair freed, the usual notice), recorded as the patient's.
 * Both re-read and decide again when another change lands first.
 */
export async function answerFromLink(deps: Deps, token: string, action: PatientAction): Promise<LinkAnswer> {
  const clinic = await loadClinic(deps);
  const linked = await linkedAppointment(deps, token, action);
  if (!linked) return { outcome: "not-recognised", clinic };
  const { linkStart } = linked;
  const refuse = (current: Appointment) => {
    const refusal = answerRefusal({ action, appointment: current, linkStart, clinic, now: nowIso(deps) });
    if (refusal) throw new Refused(refusal);
  };
  try {
    const appointment =
      action === "cancel"
        ? await cancelUpcoming(deps, linked.appointment.id, { by: "patient" }, refuse)
        : await confirm(deps, linked.appointment.id, refuse);
    return { outcome: "done", clinic, appointment };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const appointment = (await deps.store.getAppointment(linked.appointment.id)) ?? linked.appointment;
    return { outcome: "refused", refusal: error.refusal, clinic, appointment };
  }
}

async function confirm(deps: Deps, id: string, refuse: (current: Appointment) => void): Promise<Appointment> {
  return retryOnStaleWrite(deps, async () => {
    const current = await deps.store.getAppointment(id);
    if (!current) throw new Refused("cancelled");
    refuse(current);
    const next = revised(current, { confirmation: "confirmed" }, nowIso(deps));
    await deps.store.commit({ updateAppointments: [next] });
    return next;
  });
}
