/**
 * The single table's key schema, shared by the CDK stack, the local table creation and the repositories.
 * See the README's "Data model" for each entity and access pattern.
 */
export const TABLE_KEYS = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Patient's appointments and their reminders, by start. */
  byPatient: { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  /** A series' sessions and their reminders, by sequence. */
  bySeries: { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  /** The clinic agenda, one partition per clinic-local month, by start. */
  byMonth: { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  /**
   * Patients by folded "last first" name, all in one partition (a clinic's directory). It shares gsi2 with
   * series: a patient is never in a series partition, and a third of the table's indexes stays unchanged.
   */
  patientsByName: { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  /** Patients by the last digits of their phone number, in `PHONE#` partitions of the patient index. */
  patientsByPhone: { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  /** Patients by email address, in `EMAIL#` partitions of the agenda's index. */
  patientsByEmail: { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  /**
   * Reminders not yet settled, and only those (a sparse index: a settled reminder drops its keys), so the
   * reconciler's queries never grow with the reminders already sent. Two partitions: `UNSYNCED` by the time
   * of the write (pending, its schedule not yet confirmed) and `SCHEDULED` by due time (schedule confirmed,
   * or handed to the sender).
   */
  byUnsettled: { indexName: "gsi4", partitionKey: "gsi4pk", sortKey: "gsi4sk" },
  /**
   * Appointment items (not their reminders) by the clinic-local date they are filed under, by start, in
   * `DAY#` partitions of the unsettled index: a clinic-local day is one partition however it falls across
   * UTC months, and appointment items have no other use for that index. Its `REMINDERS#` partitions are
   * untouched, so the reconciler's queries never meet an appointment.
   */
  byDay: { indexName: "gsi4", partitionKey: "gsi4pk", sortKey: "gsi4sk" },
  /**
   * REMS monitoring forms, on items of their own beside their appointment (whose own index keys are all
   * taken), in two `REMSFORMS#` partitions of the unsettled index: `OPEN` by due time, so "due" and
   * "overdue" are each one key range from now, and `SUBMITTED` by session date. A form moves from one to
   * the other when it is recorded; a session that owes none has no item, so neither list grows with the
   * appointments that are not esketamine sessions.
   */
  remsForms: { indexName: "gsi4", partitionKey: "gsi4pk", sortKey: "gsi4sk" },
  /** Epoch seconds after which DynamoDB deletes an item (idempotency records). */
  ttlAttribute: "ttl",
} as const;

export const GSI_NAMES = [
  TABLE_KEYS.byPatient,
  TABLE_KEYS.bySeries,
  TABLE_KEYS.byMonth,
  TABLE_KEYS.byUnsettled,
] as const;
