/** Every audit entry's partition key starts with this, and nothing else's does (the IAM deny keys on it). */
export const AUDIT_KEY_PREFIX = "AUDIT#";

/** Key builders for every entity of the single table (see README "Data model"). */
export const keys = {
  clinic: () => ({ pk: "CLINIC", sk: "CLINIC" }),
  patient: (id: string) => ({ pk: `PATIENT#${id}`, sk: "PATIENT" }),
  appointment: (id: string) => ({ pk: `APPT#${id}`, sk: "APPT" }),
  reminder: (appointmentId: string, reminderId: string) => ({
    pk: `APPT#${appointmentId}`,
    sk: `REM#${reminderId}`,
  }),
  series: (id: string) => ({ pk: `SERIES#${id}`, sk: "SERIES" }),
  capacity: (resource: string, date: string) => ({ pk: `CAP#${resource}#${date}`, sk: "CAP" }),
  idempotency: (key: string) => ({ pk: `IDEMP#${key}`, sk: "IDEMP" }),
  patientPartition: (patientId: string) => `PATIENT#${patientId}`,
  seriesPartition: (seriesId: string) => `SERIES#${seriesId}`,
  /** Every patient, by name (see TABLE_KEYS.patientsByName). */
  patientDirectory: () => "PATIENTS",
  /** Patients whose phone numbers end in the same digits (`phoneKey`). */
  phonePartition: (digits: string) => `PHONE#${digits}`,
  /** Patients sharing an email address (a parent booking for two, say); the address is lower-cased. */
  emailPartition: (email: string) => `EMAIL#${email.toLowerCase()}`,
  /** One patient's audit trail; entries about no one patient sit alone, under their request id. */
  auditOfPatient: (patientId: string) => `${AUDIT_KEY_PREFIX}PATIENT#${patientId}`,
  auditOfRequest: (requestId: string) => `${AUDIT_KEY_PREFIX}REQUEST#${requestId}`,
  /** One actor's audit trail (gsi1). */
  auditOfActor: (actor: string) => `AUDIT#ACTOR#${actor}`,
  /** Pending reminders whose schedule is not yet confirmed, by the time they were written. */
  unsyncedReminders: () => "REMINDERS#UNSYNCED",
  /** Pending reminders with a confirmed schedule (or handed to the sender), by due time. */
  scheduledReminders: () => "REMINDERS#SCHEDULED",
  /** The agenda is partitioned by UTC month of the start, so a date range reads one or two partitions. */
  monthPartition: (month: string) => `MONTH#${month}`,
  /** The appointments filed under one clinic-local date (`Appointment.date`): a day's agenda in one query. */
  dayPartition: (date: string) => `DAY#${date}`,
  /** The monitoring form a session owes, beside its appointment (not `REM#`: it is no reminder). */
  remsForm: (appointmentId: string) => ({ pk: `APPT#${appointmentId}`, sk: "FORM#REMS" }),
  /** Monitoring forms still to be filed, by due time. */
  openRemsForms: () => "REMSFORMS#OPEN",
  /** Monitoring forms filed, by session date. */
  submittedRemsForms: () => "REMSFORMS#SUBMITTED",
  /** One clinic-local date's daily digest: sent once, whoever runs. */
  dailyDigest: (date: string) => ({ pk: `DIGEST#${date}`, sk: "DIGEST" }),
};

/** `2026-12` for an instant: the agenda partition it belongs to. */
export function utcMonth(instant: string): string {
  return instant.slice(0, 7);
}

/** Every UTC month an interval [from, to) touches. */
export function utcMonthsBetween(fromInstant: string, toInstant: string): string[] {
  const months: string[] = [];
  const d = new Date(`${utcMonth(fromInstant)}-01T00:00:00.000Z`);
  const end = new Date(toInstant);
  while (d < end) {
    months.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return months;
}
