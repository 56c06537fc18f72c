import type { Clinic } from "../domain/clinic.js";
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

/** A change to one capacity day, applied only if nobody changed that day since it was read. */
export interface CapacityChange {
  resource: Resource;
  date: string;
  expectedVersion: number;
  add: { appointmentId: string; start: string; end: string }[];
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
  /** Reminders of updated appointments that are new or changed (matched by id). */
  upsertReminders?: { appointment: Appointment; reminder: Reminder }[];
  capacity?: CapacityChange[];
  createSeries?: SeriesRecord;
  updateSeries?: SeriesRecord;
  createPatient?: Patient;
  /** Patient changes, written only if the stored version is `version - 1`. */
  updatePatient?: Patient;
  idempotency?: IdempotencyRecord;
}

/**
 * How the front desk looks a patient up: a folded name prefix, the digits a phone number is found by
 * (`phoneKey`), or a lower-cased email address.
 */
export type PatientQuery = { namePrefix: string } | { phone: string } | { email: string };

export interface Store {
  getClinic(): Promise<Clinic | undefined>;
  putClinic(clinic: Clinic): Promise<void>;

  getPatient(id: string): Promise<Patient | undefined>;
  /**
   * What a booking or a change to one starts from, in one read: the clinic's saved settings, the patient,
   * with `capacity` those days of that resource (at most MAX_BOOKING_READ_DAYS), and with `seriesId` the summary of that
   * series' sessions.
   */
  getBookingReads(
    patientId: string,
    capacity?: { resource: Resource; dates: string[] },
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
  listAppointments(fromInstant: string, toInstant: string, months: string[]): Promise<Appointment[]>;

  getSeries(id: string): Promise<{ series: SeriesRecord; sessions: Appointment[] } | undefined>;

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
  /** A series' sessions (without their reminders' history), by sequence. */
  listSeriesSessions(seriesId: string): Promise<Appointment[]>;
  /** Records what became of a claimed reminder. A send is recorded even if the reminder changed meanwhile. */
  settleReminder(settlement: ReminderSettlement): Promise<void>;
  /** Lets a claimed reminder go again after a transient failure, so the retry can claim it. */
  releaseReminder(claim: Pick<ReminderClaim, "appointmentId" | "reminderId" | "claimId">): Promise<void>;

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
  /** The series of its appointment, so the series can be read together with the appointment. */
  seriesId?: string;
}

/** Capacity days that fit in one `getBookingReads` beside the clinic, the patient and a series. */
export const MAX_BOOKING_READ_DAYS = 97;

export interface BookingReads {
  clinic?: Clinic;
  patient?: Patient;
  /** The days asked for, in order; a day without bookings has version 0. */
  capacityDays?: CapacityDay[];
  /** The asked-for series' sessions by sequence, if its summary is complete (see SendContext). */
  seriesSessions?: SeriesSessionSummary[];
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
