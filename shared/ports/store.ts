import type { AuditEntry } from "../domain/audit.js";
import type { Clinic } from "../domain/clinic.js";
import type { RemsForm } from "../domain/rems-form.js";
import type { StaffHold, StaffMember } from "../domain/staff.js";
import type {
  Appointment,
  AppointmentStatus,
  Booking,
  Patient,
  ProtocolId,
  Reminder,
  Resource,
} from "../domain/types.js";

/** A series as stored: its sessions live on their own appointment records. */
export interface SeriesRecord {
  id: string;
  patientId: string;
  protocolId: ProtocolId;
  /** Only "cancelled" is stored; active/completed follow from the sessions. */
  cancelled: boolean;
  cancelReason?: string;
  createdAt: string;
  /**
   * The series item's version: bumped by every write of the series or of one of its sessions, so a change
   * decided on the series' sessions (spacing) cannot commit over another change to them. 0 for items stored
   * before versions existed.
   */
  version: number;
}

/** A series with its numbered sessions by sequence, and the sessions booked with it that have no number. */
export interface SeriesWithSessions {
  series: SeriesRecord;
  sessions: Appointment[];
  /** KAP's integration sessions: part of the series, not of its spacing, summary or numbering. */
  integrations: Appointment[];
}

/**
 * One session of a series as the series record summarises it, so a reminder can list the whole series
 * without reading every session. `version` is the session's own version when the summary was written.
 */
export interface SeriesSessionSummary {
  id: string;
  start: string;
  end: string;
  sequence: number;
  status: AppointmentStatus;
  version: number;
}

/** The bookings of one resource on one clinic-local day, and the version that guards them. */
export interface CapacityDay {
  resource: Resource;
  date: string;
  version: number;
  bookings: (Booking & { appointmentId: string })[];
}

/**
 * A change to one capacity day, applied only if nobody changed that day since it was read. With nothing to
 * add or remove it only checks the version: a staffed booking decided on the people the other room's day
 * holds (the same nurse, the same therapist) must not commit over a change to that day either.
 */
export interface CapacityChange {
  resource: Resource;
  date: string;
  expectedVersion: number;
  add: { appointmentId: string; start: string; end: string; holds?: readonly StaffHold[] }[];
  remove: string[];
}

/** The response a creating POST gave, kept so a repeat with the same Idempotency-Key replays it. */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
}

/**
 * Everything one request changes, written atomically: appointments with their reminders, the capacity days
 * they occupy, the series, the patient. Either all of it lands or none of it. A store that keeps a summary
 * of a series' sessions (see SendContext.seriesSessions) updates it from the created and updated series
 * sessions in the same write: no use case has to remember to.
 */
export interface ChangeSet {
  /** New appointments (with their reminders). */
  createAppointments?: Appointment[];
  /** Changed appointments; each is written only if the stored version is `version - 1`. */
  updateAppointments?: Appointment[];
  /** New reminders of existing appointments (`version` 1). */
  createReminders?: { appointment: Appointment; reminder: Reminder }[];
  /**
   * Changed reminders; each is written only if the stored version is `version - 1`, so a change never
   * overwrites what a sender recorded (sent, with its message id) after the change read the reminder.
   */
  updateReminders?: { appointment: Appointment; reminder: Reminder }[];
  /**
   * The updated reminders must also be unclaimed (no sender's lease running): a change that tells the
   * patient nothing (inside the booking hold) must not land while an email of the booking is being sent.
   */
  remindersUnclaimed?: boolean;
  capacity?: CapacityChange[];
  createSeries?: SeriesRecord;
  /** A changed series record; written only if the stored version is `version - 1`. */
  updateSeries?: SeriesRecord;
  /**
   * Series whose sessions this change was decided on (spacing), by id, with the version they were read
   * at: the write of their summary is guarded by it. Series written without an entry here merge their
   * session entries unguarded (an attendance mark decides nothing about the other sessions).
   */
  seriesRead?: Record<string, number>;
  /**
   * Appointments this change was decided on without changing them (a copy of a reminder is true only while
   * its appointment is as read), by id, with the version they were read at: checked in the same transaction.
   */
  appointmentsRead?: Record<string, number>;
  /**
   * The version of the clinic settings the change was decided under: checked in the same transaction, so
   * a booking cannot land under settings (a time zone, closed dates) that changed meanwhile.
   */
  clinicVersion?: number;
  /**
   * A new roster, written over the clinic item if it is still at `clinicVersion` (required with it); the
   * write bumps that version, so no booking decided on the old roster commits after it, and lifts a lock.
   */
  roster?: StaffMember[];
  createPatient?: Patient;
  /** Patient changes, written only if the stored version is `version - 1`. */
  updatePatient?: Patient;
  idempotency?: IdempotencyRecord;
  /** The audit entry of the request making this change: written once, with the change or not at all. */
  audit?: AuditEntry;
  /**
   * Monitoring forms owed by appointments this change writes (open, or submitted), saved with them: each
   * goes with its appointment's guarded write, so a form never outlives or lags the session that owes it.
   */
  saveRemsForms?: RemsForm[];
  /** Appointments (by id) this change writes whose session owes no form any more (marked missed after all). */
  dropRemsForms?: string[];
}

/** Monitoring forms still to be filed whose due time is in [dueFrom, dueBefore); either end may be open. */
export interface OpenRemsFormQuery {
  dueFrom?: string;
  dueBefore?: string;
}

/** One clinic-local date's daily digest, claimed by the run that is sending it, until `leaseUntil`. */
export interface DigestClaim {
  date: string;
  claimId: string;
  now: string;
  /** A run that crashed mid-send is replaced after this (the one window for a second digest that day). */
  leaseUntil: string;
}

/** What became of a claimed digest: sent, nothing to send that day, or refused for good by the provider. */
export interface DigestSettlement {
  date: string;
  claimId: string;
  outcome: "sent" | "nothing-to-send" | "failed";
  at: string;
  messageId?: string;
  reason?: string;
}

/** Whose entries `listAudit` reads: one patient's data, or one staff member's actions. */
export type AuditQuery = ({ patientId: string } | { actor: string }) & {
  /** Instants, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  limit: number;
  /** Where the previous page ended (opaque, from `next`). */
  after?: string;
};

/**
 * How the front desk looks a patient up: a folded name prefix, the digits a phone number is found by
 * (`phoneKey`), or a lower-cased email address.
 */
export type PatientQuery = { namePrefix: string } | { phone: string } | { email: string };

/** The saved clinic settings as the store holds them. */
export interface ClinicRecord {
  /** Undefined until settings are first saved (the deployment's defaults apply). */
  clinic?: Clinic;
  /** 0 while unsaved; bumped by every write of the settings item (a lock too). */
  version: number;
  /** An admin is changing the settings this moment (its lease is running): bookings wait. */
  locked: boolean;
  /**
   * The clinic's people, kept with the settings so that every booking, which already checks the settings'
   * version, is also decided on the roster as it stands. Empty until an admin enters someone.
   */
  staff: StaffMember[];
}

/** A reminder that is not settled yet, as the reconciler finds it. */
export interface UnsettledReminder {
  appointmentId: string;
  reminderId: string;
  patientId: string;
  kind: Reminder["kind"];
  dueAt: string;
  version: number;
  /** Until when a sender's claim holds, if one claimed it. */
  claimedUntil?: string;
  /** When the reconciler last handed it to send-reminder again. */
  redrivenAt?: string;
}

/** Which version of a reminder an action is meant for: it does nothing if the reminder has changed since. */
export interface ReminderRef {
  appointmentId: string;
  reminderId: string;
  version: number;
}

export interface Store {
  getClinic(): Promise<Clinic | undefined>;
  getClinicRecord(): Promise<ClinicRecord>;
  /** Saves settings only where none are saved yet (a fresh table); false if some were. */
  putClinic(clinic: Clinic): Promise<boolean>;
  /**
   * Marks the settings as being changed until `until`, if they are still at `version`, and returns the
   * version the lock wrote. From then on no booking decided under the old settings can commit (each checks
   * the version), so the bookings read next are all there are. Throws StaleWrite if the version moved.
   */
  lockClinic(version: number, until: string, defaults: Clinic): Promise<number>;
  /** Saves settings and lifts the lock, if the lock at `lockVersion` still holds; else StaleWrite. */
  saveClinic(clinic: Clinic, lockVersion: number): Promise<void>;
  /** Lifts the lock at `lockVersion`, leaving the settings as they were; nothing if it was lifted. */
  unlockClinic(lockVersion: number): Promise<void>;

  getPatient(id: string): Promise<Patient | undefined>;
  /**
   * What a booking or a change to one starts from, in one read: the clinic's saved settings, the patient,
   * with `capacity` those days of those resources (at most MAX_BOOKING_READ_DAYS in all), and with `seriesId` the summary of that
   * series' sessions.
   */
  getBookingReads(
    patientId: string,
    capacity?: { resources: readonly Resource[]; dates: string[] },
    seriesId?: string,
  ): Promise<BookingReads>;
  createPatient(patient: Patient, idempotency?: IdempotencyRecord): Promise<void>;
  updatePatient(patient: Patient): Promise<void>;
  /**
   * Patients whose name key (`patientNameKey`) starts with `namePrefix`, in name-key order, or whose
   * phone key is `phone`, or whose lower-cased email is `email`: at most `limit`, and whether more match. Read from an index, so a
   * change may take a moment to show.
   */
  findPatients(query: PatientQuery, limit: number): Promise<{ patients: Patient[]; more: boolean }>;

  getAppointment(id: string): Promise<Appointment | undefined>;
  listPatientAppointments(patientId: string): Promise<Appointment[]>;
  /** Appointments starting in [fromInstant, toInstant), sorted by start. */
  listAppointments(fromInstant: string, toInstant: string): Promise<Appointment[]>;
  /**
   * The appointments filed under one clinic-local date (`Appointment.date`), every status, by start,
   * without their reminders. Read from an index, so a change may take a moment to show.
   */
  listDayAppointments(date: string): Promise<Omit<Appointment, "reminders">[]>;
  /**
   * Files an appointment stored before `Appointment.date` existed under its clinic-local date, if it still
   * starts at `start` and is filed nowhere yet: false if it was not (changed, filed, or gone).
   */
  fileUnderDate(appointmentId: string, start: string, date: string): Promise<boolean>;
  /** What a day's agenda shows beside its appointments, in one read: the clinic, the patients, the series' sizes. */
  getAgendaReads(patientIds: string[], seriesIds: string[]): Promise<AgendaReads>;

  getSeries(id: string): Promise<SeriesWithSessions | undefined>;

  getCapacityDays(resource: Resource, dates: string[]): Promise<CapacityDay[]>;

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;

  /**
   * Claims a pending reminder for sending: true only for the one caller that finds it still scheduled at
   * `dueAt` and not held by another sender whose lease is still running.
   */
  claimReminder(claim: ReminderClaim): Promise<ClaimedReminder | undefined>;
  /** One reminder as stored, to say why a claim was refused. */
  getReminder(appointmentId: string, reminderId: string): Promise<Reminder | undefined>;
  /**
   * Everything a reminder email needs, in one read: the appointment, its patient, the clinic, and with
   * `seriesId` the summary of that series' sessions.
   */
  getSendContext(appointmentId: string, patientId: string, seriesId?: string): Promise<SendContext>;
  /** A series' numbered sessions (without their reminders' history), by sequence; not its integration sessions. */
  listSeriesSessions(seriesId: string): Promise<Appointment[]>;
  /** Records what became of a claimed reminder. A send is recorded even if the reminder changed meanwhile. */
  settleReminder(settlement: ReminderSettlement): Promise<void>;
  /** Lets a claimed reminder go again after a transient failure, so the retry can claim it. */
  releaseReminder(claim: Pick<ReminderClaim, "appointmentId" | "reminderId" | "claimId">): Promise<void>;

  /** Records that this version of a pending reminder has its schedule (or was handed to the sender). */
  markReminderScheduled(ref: ReminderRef & { dueAt: string }): Promise<void>;
  /** Pending reminders whose schedule was never confirmed, written before `before`, oldest first. */
  listUnsyncedReminders(before: string, limit: number): Promise<UnsettledReminder[]>;
  /** Pending reminders with a schedule, due before `before`, earliest first. */
  listOverdueReminders(before: string, limit: number): Promise<UnsettledReminder[]>;
  /**
   * Takes back an overdue reminder that no sender holds (or whose sender's lease ran out), noting when, so
   * it can be handed to send-reminder again. False if it changed or is held meanwhile.
   */
  markRedriven(ref: ReminderRef, at: string): Promise<boolean>;
  /** Marks an unsettled reminder `failed` with a reason, unless it changed or a sender holds it. */
  failReminder(ref: ReminderRef, reason: string, now: string): Promise<boolean>;

  /**
   * Monitoring forms not yet submitted, by due time, whose due time is in the query's range: each range is
   * one key range of an index (due: from now on; overdue: before now), never a read of every appointment.
   * Read from an index, so a change may take a moment to show.
   */
  listOpenRemsForms(query: OpenRemsFormQuery): Promise<RemsForm[]>;
  /** How many forms not yet submitted are due before `dueBefore` (overdue at that instant), counted by key. */
  countOpenRemsForms(dueBefore: string): Promise<number>;
  /** Submitted monitoring forms of sessions dated `fromDate`..`toDate` (inclusive), by session date. */
  listSubmittedRemsForms(fromDate: string, toDate: string): Promise<RemsForm[]>;
  /**
   * Claims the daily digest of one date for sending: true only for the one caller that finds it neither
   * settled nor held by another run whose lease is still running.
   */
  claimDailyDigest(claim: DigestClaim): Promise<boolean>;
  /** Records what became of a claimed digest, under the claim that sent it; the day is done then. */
  settleDailyDigest(settlement: DigestSettlement): Promise<void>;
  /** Lets a claimed digest go again after a transient failure, so a later run can send it. */
  releaseDailyDigest(claim: Pick<DigestClaim, "date" | "claimId">): Promise<void>;

  /** Writes one audit entry on its own (a read, a refusal); never over an existing one. */
  recordAudit(entry: AuditEntry): Promise<void>;
  /** Audit entries in time order, a page at a time; `next` continues where this page ended. */
  listAudit(query: AuditQuery): Promise<{ entries: AuditEntry[]; next?: string }>;

  /** The secret that proves an unsubscribe link was sent to this patient. */
  unsubscribeToken(patientId: string): Promise<string | undefined>;

  /** Writes a change set in one transaction; throws StaleWrite when a guarded item changed meanwhile. */
  commit(changes: ChangeSet): Promise<void>;
}

export interface ReminderClaim {
  appointmentId: string;
  reminderId: string;
  dueAt: string;
  claimId: string;
  now: string;
  /** Until when the claim holds; a sender that crashed is replaced after it. */
  leaseUntil: string;
}

export interface ReminderSettlement {
  appointmentId: string;
  reminderId: string;
  claimId: string;
  status: "sent" | "skipped" | "cancelled" | "failed";
  reason?: string;
  sentAt?: string;
  messageId?: string;
}

export interface ClaimedReminder extends Reminder {
  appointmentId: string;
  patientId: string;
  /** The appointment start the reminder was planned for: if the appointment has moved since, it is stale. */
  plannedFor?: string;
  /** The series of its appointment, so the series can be read together with the appointment. */
  seriesId?: string;
}

export interface AgendaReads {
  /** Undefined until an admin saves the clinic's settings. */
  clinic?: Clinic;
  patients: Patient[];
  /** The roster, for the names of who staffs each session. */
  staff: StaffMember[];
  /** Sessions each series was booked with, by series id; a series stored before it kept that count is absent. */
  seriesSizes: Record<string, number>;
}

/** Capacity days (of all resources asked for) that fit in one `getBookingReads` beside the clinic, the patient and a series. */
export const MAX_BOOKING_READ_DAYS = 97;

export interface BookingReads {
  clinic?: Clinic;
  /** The saved settings' version (0 while unsaved): a change decided under them is guarded by it. */
  clinicVersion: number;
  /** An admin is changing the settings right now (see `lockClinic`): bookings wait. */
  clinicLocked: boolean;
  /** The roster, guarded by `clinicVersion` like the settings; empty: rooms alone decide. */
  staff: StaffMember[];
  patient?: Patient;
  /** The days asked for, resource by resource, in order; a day without bookings has version 0. */
  capacityDays?: CapacityDay[];
  /** The asked-for series' sessions by sequence, if its summary is complete (see SendContext). */
  seriesSessions?: SeriesSessionSummary[];
  /** The asked-for series item's version, to guard a write decided on its sessions. */
  seriesVersion?: number;
}

export interface SendContext {
  /** Without its reminders: the claimed one is all the sender needs. */
  appointment?: Omit<Appointment, "reminders">;
  patient?: Patient;
  /** Undefined until an admin saves the clinic's settings. */
  clinic?: Clinic;
  unsubscribeToken?: string;
  /**
   * The series' sessions by sequence, as of the last write to any of them. Undefined when no series was
   * asked for, or when the series was booked before the summary existed (its sessions must then be listed).
   */
  seriesSessions?: SeriesSessionSummary[];
}
