/**
 * One entry of the audit trail (HIPAA's audit controls): who did what to which record, when, and how it
 * ended. Ids only: never a name, an address, a search term or a note.
 */
export interface AuditEntry {
  /** The request's own id: one entry per request. */
  id: string;
  at: string;
  /** The staff member's token subject, or `patient` for a patient acting through an email link. */
  actor: string;
  /** What was asked, as the API's operation (e.g. `appointments.cancel`). */
  action: string;
  target: { type: string; id: string };
  /** Whose data it was, when one patient's: what `GET /audit?patientId=` finds it by. */
  patientId?: string;
  /** The HTTP status the request ended with. */
  status: number;
}

/** How long entries are kept: HIPAA's six years for documentation, and a day's margin. */
export const AUDIT_RETENTION_DAYS = 6 * 366 + 1;
