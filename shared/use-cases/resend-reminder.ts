import { resendCopy, resendRefusal } from "../domain/resend.js";
import type { Appointment } from "../domain/types.js";
import { getAppointment } from "./appointment-changes.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";

/**
 * Sends a patient a copy of an email they say never arrived, through the normal pipeline.
 * 1. Read the appointment with its reminders and the patient (404 for an unknown appointment, reminder or
 *    patient).
 * 2. The domain says whether a copy would still be true and may go (409 with why; see resendRefusal).
 * 3. Write the copy: a reminder of its own, due now, with `resendOf`, guarded by the appointment's version,
 *    so a cancel or move that lands meanwhile makes this request decide again. schedule-sync hands it to
 *    send-reminder at once; it is claimed, re-checked, reconciled and shown like every other email. It
 *    goes now even in the patient's quiet hours: staff send it because the patient is asking for it.
 */
export async function resendReminder(
  deps: Deps,
  appointmentId: string,
  reminderId: string,
  idem?: IdempotencyRequest,
) {
  return once<Appointment>(deps.store, idem, (record) =>
    retryOnStaleWrite(deps, async () => {
      const appointment = await getAppointment(deps, appointmentId);
      const reminder = appointment.reminders.find((r) => r.id === reminderId);
      if (!reminder) throw new NotFound("reminder");
      const patient = await deps.store.getPatient(appointment.patientId);
      if (!patient) throw new NotFound("patient");
      const now = nowIso(deps);
      const refusal = resendRefusal({ appointment, reminder, patient, now });
      if (refusal) throw new Conflict(refusal.message, refusal.code);
      const copy = resendCopy(reminder, deps.ids(), now);
      const next: Appointment = { ...appointment, reminders: [...appointment.reminders, copy] };
      const idempotency = record(202, next);
      await deps.store.commit({
        createReminders: [{ appointment, reminder: copy }],
        appointmentsRead: { [appointment.id]: appointment.version },
        ...(idempotency ? { idempotency } : {}),
      });
      return next;
    }),
  );
}
