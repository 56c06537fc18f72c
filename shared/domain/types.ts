import type { StaffAssignment, StaffHold } from "./staff.js";

/**
 * The nouns of the domain, shared by the API, the reminder pipeline and the email renderer.
 * Instants are ISO-8601 strings in UTC; dates are `YYYY-MM-DD` read in the clinic's zone.
 */
export const PROTOCOL_IDS = ["iv-ketamine", "im-ketamine", "esketamine", "kap"] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

export const OTHER_SERVICES = ["consultation", "integration", "booster"] as const;
export type OtherService = (typeof OTHER_SERVICES)[number];

/** What an appointment is for: a consultation, an integration session, a booster, or one protocol session. */
export type ServiceId = OtherService | ProtocolId;
export const SERVICE_IDS: readonly ServiceId[] = [...OTHER_SERVICES, ...PROTOCOL_IDS];

/** Treatment chairs host every dosing session; offices host talking sessions. */
export type Resource = "chair" | "office";

export type AppointmentStatus = "booked" | "cancelled" | "completed" | "no-show";
export type SeriesStatus = "active" | "completed" | "cancelled";
export type EmailStatus = "ok" | "bounced" | "complained";

export const REMINDER_KINDS = [
  "confirmation",
  "preparation",
  "reminder",
  "booster",
  "cancellation",
  "reschedule",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type ReminderStatus = "scheduled" | "sent" | "skipped" | "cancelled" | "failed";

/**
 * Whether the patient has said they will come. Every appointment starts `unconfirmed` (and keeps it when it
 * moves); appointments stored before the field existed read as `unconfirmed` too, since nobody confirmed them.
 */
export const CONFIRMATIONS = ["unconfirmed", "confirmed"] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/**
 * Who called an appointment off, when it was not staff at the patient's request (the default): the clinic by
 * closing the day, or the patient from the email's link.
 */
export type CancelledBy = "clinic-closure" | "patient";

/** The wording of a notice other than the usual one: a closure says the clinic will call to find a new time. */
export type NoticeVariant = "clinic-closure";

/** A time span [start, end) as UTC ISO strings. */
export interface Interval {
  start: string;
  end: string;
}

/** An existing booking, as far as capacity is concerned: its room and, in a staffed clinic, its people. */
export interface Booking extends Interval {
  resource: Resource;
  /** The people it holds (absent when rooms alone decided). */
  holds?: readonly StaffHold[];
}

export interface Reminder {
  id: string;
  kind: ReminderKind;
  dueAt: string;
  status: ReminderStatus;
  /** Why a reminder was skipped, cancelled or failed: a code staff can read, never PHI. */
  reason?: string;
  sentAt?: string;
  messageId?: string;
  /** A reschedule notice remembers the start it moved from, to tell the patient. */
  previousStart?: string;
  /** A cancellation notice worded for its cause (a clinic closure); absent for the usual wording. */
  notice?: NoticeVariant;
  /** A copy staff asked for (POST …/resend): the id of the reminder it copies. */
  resendOf?: string;
  /**
   * Optimistic-locking version, as for appointments: a change writes version n only over version n - 1, so
   * it never overwrites what a sender recorded after the change read the reminder. 1 when created.
   */
  version: number;
}

export interface ConsultationOutcome {
  eligible: boolean;
  protocols: ProtocolId[];
  notes?: string;
  recordedAt: string;
  recordedBy: string;
}

/**
 * A REMS Patient Monitoring Form as a clinician recorded it on its esketamine session: when it was filed
 * with the program (and the program's reference, if any), who recorded that here, and when.
 */
export interface RemsFormRecord {
  submittedAt: string;
  reference?: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Appointment extends Interval {
  id: string;
  patientId: string;
  service: ServiceId;
  /** The protocol a chair session belongs to: the service itself, or for a booster the protocol it boosts. */
  protocolId?: ProtocolId;
  resource: Resource;
  status: AppointmentStatus;
  /**
   * The clinic-local date the appointment is filed under: the day whose chair or office it holds, and the
   * day whose agenda lists it. Set at booking and on every move; absent on appointments stored before the
   * agenda existed until they are filed (POST /agenda/backfill).
   */
  date?: string;
  confirmation: Confirmation;
  seriesId?: string;
  /**
   * Who staffs it, named as the roster had them when it was booked or moved; absent in a clinic that had
   * entered no staff then (rooms alone decided).
   */
  staff?: StaffAssignment[];
  /** 1-based position in its series. */
  sequence?: number;
  reminders: Reminder[];
  outcome?: ConsultationOutcome;
  /** A completed esketamine session's monitoring form, once recorded (see domain/rems-form.ts). */
  remsForm?: RemsFormRecord;
  cancelReason?: string;
  cancelledBy?: CancelledBy;
  /** Optimistic-locking version; a reminder remembers the version it was planned for. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Patient {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  /** IANA zone the patient lives in; quiet hours are read in it. Defaults to the clinic's. */
  timezone: string;
  emailConsent: boolean;
  remsEnrolled: boolean;
  emailStatus: EmailStatus;
  /** Protocols a completed consultation made the patient eligible for. */
  eligibleProtocols: ProtocolId[];
  /** The protocol of the patient's latest series: what a booster continues. */
  lastSeriesProtocolId?: ProtocolId;
  /** Set when the patient used the unsubscribe link of a booster invitation. */
  boosterOptOut?: boolean;
  /**
   * The clinic-local date of the patient's latest dosing session (protocol session or booster) recorded
   * `completed` by attendance: where the lapse rule (domain/lapse.ts) counts from. Only moves forward.
   */
  lastDosingOn?: string;
  /** When the latest consultation outcome set `eligibleProtocols`: a new one lifts a lapse. */
  eligibilityRecordedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Series {
  id: string;
  patientId: string;
  protocolId: ProtocolId;
  status: SeriesStatus;
  /** The numbered (dosing) sessions, in order. */
  sessions: Appointment[];
  /**
   * Sessions booked with the series that are not numbered dosing sessions: KAP's integration sessions, by
   * start. Absent when the protocol books none.
   */
  integrationSessions?: Appointment[];
  cancelReason?: string;
  createdAt: string;
}
