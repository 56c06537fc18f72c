/**
 * The admin API's types, generated from its OpenAPI document by console/tooling/generate-api-types.ts.
 * Do not edit: run `npm run console:api-types` after changing a route or schema. A test fails while this
 * file and the document disagree.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health probe
         * @description Answers 200 while the function can serve requests. Reads nothing and needs no token.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clinic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clinic's settings
         * @description Hours, closed dates, chairs and offices, and every optional setting with its value in force.
         */
        get: operations["getClinic"];
        /**
         * Replace the clinic's settings
         * @description Replaces every setting; optional ones left out take their defaults. Settings that would strand booked appointments (a closed date, shorter hours, fewer chairs or offices, another time zone) are refused with 409 and the list. `subjectName`, the name email subjects and calendar titles use, is refused (422, naming the word) when it names a drug, a treatment or a diagnosis in any of several languages, however it is spelled.
         */
        put: operations["putClinic"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/protocols": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the protocols as this clinic runs them
         * @description The shipped protocols (IV, IM, esketamine, KAP) with the clinic's tuned numbers: sessions, spacing, chair time, fasting and driver rules, booster timing, REMS.
         */
        get: operations["listProtocols"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find patients by "last name, first name", phone number or email
         * @description Exactly one of `name`, `phone` or `email`. Answers at most `limit` patients by last name then first name; `more` says to narrow the search. There is no cursor: it would carry a patient's name in a URL.
         */
        get: operations["searchPatients"];
        put?: never;
        /**
         * Register a patient
         * @description Creates a patient. With an `Idempotency-Key`, a repeat of the same request returns the first response and creates nothing.
         */
        post: operations["createPatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a patient
         * @description The patient's contact details, consent, email status and the protocols they are eligible for.
         */
        get: operations["getPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct a patient's details
         * @description Changes the fields given. A new email address resets `emailStatus` to `ok` and invalidates earlier unsubscribe links; `boosterOptOut: false` undoes an opt-out.
         */
        patch: operations["updatePatient"];
        trace?: never;
    };
    "/patients/{id}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a patient's appointments
         * @description Every appointment of the patient, with its reminders, by start.
         */
        get: operations["listPatientAppointments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free starts for a service, or for moving one appointment
         * @description With `service`: every free 15-minute start whose arrival time is still ahead. With `forAppointment`: the starts a reschedule of that booked appointment would accept (its own length, not blocked by itself, and for a series session the protocol's spacing to its neighbours and its window).
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The clinic's agenda between two dates
         * @description Appointments starting between `from` and `to` (clinic-local dates, at most 93 days), by start.
         */
        get: operations["listAppointments"];
        put?: never;
        /**
         * Book a single appointment
         * @description Books a consultation, integration session, booster or one protocol session, with its reminders, in one transaction. With an `Idempotency-Key`, a repeat returns the first response.
         */
        post: operations["bookAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an appointment
         * @description The appointment with its reminders: what was sent, skipped or is still scheduled, and why.
         */
        get: operations["getAppointment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an appointment and its pending reminders
         * @description Cancels the appointment, frees its chair or office, and sends the patient a cancellation notice.
         */
        post: operations["cancelAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an appointment; its pending reminders move with it
         * @description Moves the appointment to `start` under the same rules as a booking; a series session keeps the protocol's spacing to its neighbours (422 otherwise). A KAP integration session stays on its days after its dosing session, and a dosing session moved past its integration session takes it along (same time of day and therapist where free; each gets its notice), or 422 `integration-window`. The patient gets a reschedule notice. In a staffed clinic the session keeps its people where they are free; `withoutStaff` hands it to others (409 `staff-unavailable` if nobody else is free). With the same `start`, only the people change and the patient is told nothing.
         */
        post: operations["rescheduleAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a consultation's outcome (eligibility)
         * @description A clinician records whether the patient is eligible and for which protocols; eligibility is what lets staff book a series.
         */
        post: operations["recordOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record whether the patient came
         * @description Marks a past appointment `completed` or `no-show`.
         */
        post: operations["recordAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/reminders/{reminderId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the patient a copy of an email they say never arrived
         * @description Only for a reminder that was `sent` or `failed`, and only while what it says is still true (409 with `code` `stale` otherwise: a confirmation, preparation or day-before reminder of an appointment that is cancelled or has started, a reschedule notice that is not the latest, a cancellation notice whose time has passed, a booster invitation the patient stopped). 409 `copy-pending` while a copy is still on its way, `no-email` when the patient has no consent or a bounced address. The copy is a reminder of its own on the appointment (`resendOf`), due now, and goes through the usual pipeline: the answer (202) comes before the email.
         */
        post: operations["resendReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The clinic's day: every chair and office with its appointments and patients
         * @description One lane per chair and per office, empty ones included. Each booked, completed or no-show appointment filed under the date sits in exactly one lane of its resource; entries of a lane never overlap, and a session that has started keeps its lane. Cancelled appointments are listed apart. Read from an index: a change may take a moment to show. Without `date`, the clinic's today by the API's clock (locally, the local clock), named in the answer's `date`, so a console opening on Today asks for it alongside the clinic's settings. It is read as a given date is, in the deployment's default time zone, and read again (two AWS requests more) only while the clinic's saved zone is on another date.
         */
        get: operations["getAgenda"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agenda/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File one month of appointments stored before the agenda under their clinic-local dates
         * @description Appointments booked before this version carry no clinic-local date, so no day's agenda lists them until they are filed. Run once per UTC month that holds such appointments, after deploying; running it again files nothing twice.
         */
        post: operations["backfillAgendaDates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/closures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the clinic on a date and cancel what is booked on it
         * @description The date becomes one of the clinic's closed dates, so nothing more can be booked on it, and every booked appointment on it that has not started is cancelled (a series keeps its other sessions). Each patient gets a cancellation notice saying the clinic will call to find a new time. `reason` is for staff only: stored as each appointment's `cancelReason`, never emailed or logged. Repeating the request (after a timeout, say) finishes what is left and answers every appointment the closure cancelled. 422 for a past date or one beyond the booking horizon.
         */
        post: operations["closeDate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan and book a whole treatment series, all or nothing
         * @description Plans every session of the protocol from `start`, keeping its local time of day and the protocol's spacing, and books them all with their reminders in one transaction, or answers 422 with the reason. With an `Idempotency-Key`, a repeat returns the first response.
         */
        post: operations["bookSeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/series/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a treatment series without booking it
         * @description Takes the body of `POST /series` and answers where each session would go if it were booked now, or the very refusal `POST /series` would give (422 when no plan fits, with the session and why; 409 when the first start is taken). Writes nothing; a booking made afterwards plans again.
         */
        post: operations["previewSeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a series
         * @description The series with every session in order, each with its reminders.
         */
        get: operations["getSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/series/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a series: its future sessions and their reminders
         * @description Cancels every future session of the series; sessions already held keep their status.
         */
        post: operations["cancelSeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the clinic's staff
         * @description Everyone on the roster, active or not, in the order they were entered. An empty roster means rooms alone decide bookings; once anyone is entered, every session needs the people its service needs (see the protocols' `staff` and the clinic's `serviceStaff`).
         */
        get: operations["listStaff"];
        put?: never;
        /**
         * Add someone to the roster
         * @description A prescriber, nurse or therapist (or several roles) with working hours; without `hours`, the clinic's opening hours. The first person entered turns staffing on for bookings made from then on. With an `Idempotency-Key`, a repeat of the same request returns the first response.
         */
        post: operations["addStaffMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff member: name, roles, hours, active
         * @description Changes the fields given; `hours: null` goes back to the clinic's hours. A change that would leave a booked session without its person (inactive, a role removed, hours that no longer cover it) is refused with 409, `code: "conflicts"` and the sessions in `conflicts`, and writes nothing.
         */
        patch: operations["updateStaffMember"];
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit trail of a patient's data or of a staff member's actions
         * @description Exactly one of `patientId` or `actor` (a token subject), between `from` and `to` (clinic-local dates, at most a year), oldest first, at most `limit` entries; pass `next` for the following page. Entries hold ids, actions and outcomes only.
         */
        get: operations["readAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rems/monitoring-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * REMS Patient Monitoring Forms: due, overdue or submitted
         * @description Each completed esketamine session (or esketamine booster) owes a monitoring form by the end of the 7th clinic-local day after the session's date (`dueBy`): `due` until then, `overdue` after, `submitted` once a clinician records it. Booked, cancelled and missed sessions owe none. Without `status`: every form still to file. Due and overdue forms come by due time; submitted ones by session date, between `from` and `to` (at most 93 days; default the last 31 days). Read from an index: a change may take a moment to show.
         */
        get: operations["listRemsMonitoringForms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/appointments/{id}/rems-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a session's REMS Patient Monitoring Form as filed
         * @description A clinician records that the session's form was filed with the REMS program (`submittedAt`, not in the future and not before the session started: 422 naming the field) with the program's `reference`. Only a completed esketamine session or esketamine booster has a form (409 `not-a-rems-session` or `not-completed`). The first record stands: the same one again answers 200 and changes nothing (a retry), a different one is 409 `rems-form-recorded`. Once recorded, the session can no longer be marked a no-show.
         */
        post: operations["recordRemsMonitoringForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The booster invitation's opt-out page
         * @description Shows a button that stops follow-up invitations. Changes nothing, because mail scanners open links. The link expires 90 days after it was sent, and when the patient's email address changes.
         */
        get: operations["showUnsubscribePage"];
        put?: never;
        /**
         * Stop booster invitations (the page's button, or RFC 8058 one-click)
         * @description Stops booster invitations for the patient the link was sent to; appointment emails still go out. Mail clients POST `List-Unsubscribe=One-Click` here; the body is not read.
         */
        post: operations["unsubscribeFromBoosters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/visit/{token}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The email's Confirm or Cancel page
         * @description Shows the clinic, the appointment's date and time in the clinic's zone, and a button that POSTs the answer. Changes nothing, because mail scanners open links. A link stops working when its appointment starts; a refused link shows a page that asks the patient to call.
         */
        get: operations["showAppointmentAnswerPage"];
        put?: never;
        /**
         * Confirm or cancel an appointment from the email (the page's button)
         * @description `confirm` sets the appointment's `confirmation` to `confirmed`. `cancel` cancels it as staff would (reminders cancelled, the usual notice sent), recording `cancelledBy: "patient"`, until `cancellationNoticeHours` before the start; later the page asks the patient to call. A link already used, moved, expired or forged changes nothing. The body is not read.
         */
        post: operations["answerAppointmentFromEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI 3.1 document
         * @description Every route the API serves, generated from the same zod schemas that validate requests. Needs no token.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Agenda: {
            date: string;
            timezone: string;
            closed: boolean;
            hours: {
                open: string;
                close: string;
            }[];
            lanes: {
                /** @enum {string} */
                resource: "chair" | "office";
                number: number;
                entries: components["schemas"]["AgendaEntry"][];
            }[];
            cancelled: components["schemas"]["AgendaEntry"][];
        };
        AgendaEntry: {
            appointmentId: string;
            start: components["schemas"]["UtcInstant"];
            end: components["schemas"]["UtcInstant"];
            service: components["schemas"]["ServiceId"];
            /** @enum {string} */
            status: "booked" | "cancelled" | "completed" | "no-show";
            patient: {
                id: string;
                firstName: string;
                lastName: string;
            };
            seriesId?: string;
            sequence?: number;
            sessionsInSeries?: number;
            confirmation: components["schemas"]["Confirmation"];
            staff?: components["schemas"]["StaffAssignment"][];
        };
        Appointment: {
            id: string;
            patientId: string;
            service: components["schemas"]["ServiceId"];
            protocolId?: components["schemas"]["ProtocolId"];
            /** @enum {string} */
            resource: "chair" | "office";
            start: components["schemas"]["UtcInstant"];
            end: components["schemas"]["UtcInstant"];
            /** @enum {string} */
            status: "booked" | "cancelled" | "completed" | "no-show";
            date?: string;
            confirmation: components["schemas"]["Confirmation"];
            seriesId?: string;
            sequence?: number;
            staff?: components["schemas"]["StaffAssignment"][];
            reminders: components["schemas"]["Reminder"][];
            outcome?: components["schemas"]["ConsultationOutcome"];
            remsForm?: components["schemas"]["RemsFormRecord"];
            cancelReason?: string;
            /** @enum {string} */
            cancelledBy?: "clinic-closure" | "patient";
            version: number;
            createdAt: components["schemas"]["UtcInstant"];
            updatedAt: components["schemas"]["UtcInstant"];
        };
        AppointmentList: {
            appointments: components["schemas"]["Appointment"][];
        };
        AuditEntry: {
            at: components["schemas"]["UtcInstant"];
            actor: string;
            action: string;
            target: {
                type: string;
                id: string;
            };
            patientId?: string;
            status: number;
        };
        Clinic: {
            name: string;
            subjectName?: string;
            timezone: string;
            phone: string;
            address: string;
            chairs: number;
            offices: number;
            hours: components["schemas"]["WeeklyHours"];
            closedDates: string[];
            /**
             * @default {
             *       "start": "21:00",
             *       "end": "08:00"
             *     }
             */
            quietHours: {
                start: string;
                end: string;
            };
            /** @default 15 */
            arrivalMinutesBefore: number;
            /**
             * @default {
             *       "consultation": 60,
             *       "integration": 60,
             *       "booster": 120
             *     }
             */
            serviceMinutes: {
                /** @default 60 */
                consultation: number;
                /** @default 60 */
                integration: number;
                /** @default 120 */
                booster: number;
            };
            /** @default {} */
            protocolOverrides: {
                [key: string]: {
                    sessionMinutes?: number;
                    sessions?: number;
                    boosterAfterDays?: number;
                    fastingSolidHours?: number;
                    clearLiquidsUntilHours?: number;
                    staff?: components["schemas"]["StaffNeed"][];
                    integrationSessions?: boolean;
                };
            };
            /** @default 365 */
            bookingHorizonDays: number;
            /** @default 24 */
            cancellationNoticeHours: number;
            /** @default 2 */
            notificationDelayMinutes: number;
            /**
             * @default {
             *       "consultation": [
             *         {
             *           "role": "prescriber",
             *           "sessionsAtOnce": 1
             *         }
             *       ],
             *       "integration": [
             *         {
             *           "role": "therapist",
             *           "sessionsAtOnce": 1
             *         }
             *       ]
             *     }
             */
            serviceStaff: {
                /**
                 * @default [
                 *       {
                 *         "role": "prescriber",
                 *         "sessionsAtOnce": 1
                 *       }
                 *     ]
                 */
                consultation: components["schemas"]["StaffNeed"][];
                /**
                 * @default [
                 *       {
                 *         "role": "therapist",
                 *         "sessionsAtOnce": 1
                 *       }
                 *     ]
                 */
                integration: components["schemas"]["StaffNeed"][];
            };
            /** @default 90 */
            lapseDays: number;
            /** Format: email */
            email?: string;
        };
        ClinicInput: {
            name: string;
            subjectName?: string;
            timezone: string;
            phone: string;
            address: string;
            chairs: number;
            offices: number;
            hours: components["schemas"]["WeeklyHours"];
            closedDates: string[];
            /**
             * @default {
             *       "start": "21:00",
             *       "end": "08:00"
             *     }
             */
            quietHours?: {
                start: string;
                end: string;
            };
            /** @default 15 */
            arrivalMinutesBefore?: number;
            /**
             * @default {
             *       "consultation": 60,
             *       "integration": 60,
             *       "booster": 120
             *     }
             */
            serviceMinutes?: {
                /** @default 60 */
                consultation?: number;
                /** @default 60 */
                integration?: number;
                /** @default 120 */
                booster?: number;
            };
            /** @default {} */
            protocolOverrides?: {
                [key: string]: {
                    sessionMinutes?: number;
                    sessions?: number;
                    boosterAfterDays?: number;
                    fastingSolidHours?: number;
                    clearLiquidsUntilHours?: number;
                    staff?: components["schemas"]["StaffNeed"][];
                    integrationSessions?: boolean;
                };
            };
            /** @default 365 */
            bookingHorizonDays?: number;
            /** @default 24 */
            cancellationNoticeHours?: number;
            /** @default 2 */
            notificationDelayMinutes?: number;
            /**
             * @default {
             *       "consultation": [
             *         {
             *           "role": "prescriber",
             *           "sessionsAtOnce": 1
             *         }
             *       ],
             *       "integration": [
             *         {
             *           "role": "therapist",
             *           "sessionsAtOnce": 1
             *         }
             *       ]
             *     }
             */
            serviceStaff?: {
                /**
                 * @default [
                 *       {
                 *         "role": "prescriber",
                 *         "sessionsAtOnce": 1
                 *       }
                 *     ]
                 */
                consultation?: components["schemas"]["StaffNeed"][];
                /**
                 * @default [
                 *       {
                 *         "role": "therapist",
                 *         "sessionsAtOnce": 1
                 *       }
                 *     ]
                 */
                integration?: components["schemas"]["StaffNeed"][];
            };
            /** @default 90 */
            lapseDays?: number;
            /** Format: email */
            email?: string;
        };
        Closure: {
            date: string;
            cancelled: components["schemas"]["Appointment"][];
        };
        /**
         * @description Whether the patient has said they will come: `unconfirmed` from booking (and after a move), `confirmed` once they pressed Confirm in an email.
         * @enum {string}
         */
        Confirmation: "unconfirmed" | "confirmed";
        ConsultationOutcome: {
            eligible: boolean;
            protocols: components["schemas"]["ProtocolId"][];
            notes?: string;
            recordedAt: components["schemas"]["UtcInstant"];
            recordedBy: string;
        };
        FieldError: {
            path: string;
            message: string;
        };
        Patient: {
            id: string;
            firstName: string;
            lastName: string;
            email: string;
            phone?: string;
            timezone: string;
            emailConsent: boolean;
            remsEnrolled: boolean;
            /** @enum {string} */
            emailStatus: "ok" | "bounced" | "complained";
            eligibleProtocols: components["schemas"]["ProtocolId"][];
            lastSeriesProtocolId?: components["schemas"]["ProtocolId"];
            boosterOptOut?: boolean;
            /** @description The clinic-local date of the latest protocol session or booster recorded `completed`: more than the clinic's `lapseDays` before a new booster or series, that booking needs a new consultation outcome first. Kept by attendance; not settable. */
            readonly lastDosingOn?: string;
            /** @description When the latest consultation outcome set `eligibleProtocols`; one recorded after `lastDosingOn` lifts a lapse. Kept by outcomes; not settable. */
            readonly eligibilityRecordedAt?: components["schemas"]["UtcInstant"];
            version: number;
            createdAt: components["schemas"]["UtcInstant"];
            updatedAt: components["schemas"]["UtcInstant"];
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: components["schemas"]["FieldError"][];
        };
        Protocol: {
            /** @enum {string} */
            id: "iv-ketamine" | "im-ketamine" | "esketamine" | "kap";
            name: string;
            patientLabel: string;
            sessionMinutes: number;
            sessions: number;
            spacing: {
                phases: {
                    sessions: number;
                    minGapHours: number;
                    maxGapHours?: number;
                    preferredGapDays?: number;
                    perWeek?: number;
                }[];
                windowDays?: number;
            };
            fasting: {
                solidFoodHours: number;
                liquidsHours: number;
                /** @enum {string} */
                liquidsKind: "clear" | "any";
            };
            transport: {
                driverRequired: boolean;
                /** @enum {string} */
                noDrivingUntil: "next-day" | "next-day-after-sleep";
            };
            booster: {
                afterDays: number;
            };
            remsRequired: boolean;
            staff: components["schemas"]["StaffNeed"][];
            integration?: {
                minDaysAfter: number;
                maxDaysAfter: number;
            };
            instructions: {
                bring: string[];
                notes: string[];
            };
        };
        /** @enum {string} */
        ProtocolId: "iv-ketamine" | "im-ketamine" | "esketamine" | "kap";
        Reminder: {
            id: string;
            /** @enum {string} */
            kind: "confirmation" | "preparation" | "reminder" | "booster" | "cancellation" | "reschedule";
            dueAt: components["schemas"]["UtcInstant"];
            /** @enum {string} */
            status: "scheduled" | "sent" | "skipped" | "cancelled" | "failed";
            reason?: string;
            sentAt?: components["schemas"]["UtcInstant"];
            messageId?: string;
            /** Format: date-time */
            previousStart?: string;
            /** @enum {string} */
            notice?: "clinic-closure";
            resendOf?: string;
            version: number;
        };
        /** @description A completed esketamine session's REMS Patient Monitoring Form, as a clinician recorded it: when it was filed with the program, its reference there, who recorded it here and when. */
        RemsFormRecord: {
            submittedAt: components["schemas"]["UtcInstant"];
            reference?: string;
            recordedBy: string;
            recordedAt: components["schemas"]["UtcInstant"];
        };
        /**
         * @description `due` until the end of the 7th clinic-local day after the session, `overdue` after that, `submitted` once recorded.
         * @enum {string}
         */
        RemsFormStatus: "due" | "overdue" | "submitted";
        RemsMonitoringForm: {
            appointmentId: string;
            patientId: string;
            sessionDate: string;
            dueBy: components["schemas"]["UtcInstant"];
            status: components["schemas"]["RemsFormStatus"];
            submittedAt?: components["schemas"]["UtcInstant"];
        };
        RemsMonitoringFormList: {
            forms: components["schemas"]["RemsMonitoringForm"][];
        };
        Series: {
            id: string;
            patientId: string;
            protocolId: components["schemas"]["ProtocolId"];
            /** @enum {string} */
            status: "active" | "completed" | "cancelled";
            sessions: components["schemas"]["Appointment"][];
            integrationSessions?: components["schemas"]["Appointment"][];
            cancelReason?: string;
            createdAt: components["schemas"]["UtcInstant"];
        };
        SeriesPreview: {
            sessions: {
                sequence: number;
                start: components["schemas"]["UtcInstant"];
                end: components["schemas"]["UtcInstant"];
            }[];
            integrationSessions?: {
                after: number;
                start: components["schemas"]["UtcInstant"];
                end: components["schemas"]["UtcInstant"];
            }[];
        };
        /** @enum {string} */
        ServiceId: "consultation" | "integration" | "booster" | "iv-ketamine" | "im-ketamine" | "esketamine" | "kap";
        StaffAssignment: {
            id: string;
            name: string;
            role: components["schemas"]["StaffRole"];
        };
        StaffList: {
            staff: components["schemas"]["StaffMember"][];
        };
        StaffMember: {
            id: string;
            name: string;
            roles: components["schemas"]["StaffRole"][];
            hours?: components["schemas"]["WeeklyHours"];
            active: boolean;
            email?: string;
        };
        StaffNeed: {
            /** @enum {string} */
            role: "prescriber" | "nurse" | "therapist";
            sessionsAtOnce: number | "on-site";
        };
        /** @enum {string} */
        StaffRole: "prescriber" | "nurse" | "therapist";
        /** Format: date-time */
        UtcInstant: string;
        WeeklyHours: {
            mon: {
                open: string;
                close: string;
            }[];
            tue: {
                open: string;
                close: string;
            }[];
            wed: {
                open: string;
                close: string;
            }[];
            thu: {
                open: string;
                close: string;
            }[];
            fri: {
                open: string;
                close: string;
            }[];
            sat: {
                open: string;
                close: string;
            }[];
            sun: {
                open: string;
                close: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClinic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clinic's settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putClinic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicInput"];
            };
        };
        responses: {
            /** @description The saved settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProtocols: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocols as this clinic runs them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        protocols: components["schemas"]["Protocol"][];
                    };
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchPatients: {
        parameters: {
            query?: {
                /** @description Start of "last name, first name"; case, accents and punctuation are ignored. */
                name?: string;
                /** @description Any way of writing it; the last 10 digits are compared (a caller ID will do). */
                phone?: string;
                /** @description The whole address; case is ignored. */
                email?: string;
                /** @description At most this many patients (1-50, default 20). */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching patients, by last name then first name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        patients: components["schemas"]["Patient"][];
                        /** @description More patients match than were returned: narrow the search. */
                        more: boolean;
                    };
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPatient: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key and body returns the first response and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firstName: string;
                    lastName: string;
                    email: string;
                    phone?: string;
                    timezone?: string;
                    emailConsent: boolean;
                    remsEnrolled?: boolean;
                };
            };
        };
        responses: {
            /** @description The new patient. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firstName?: string;
                    lastName?: string;
                    email?: string;
                    phone?: string;
                    timezone?: string;
                    emailConsent?: boolean;
                    remsEnrolled?: boolean;
                    boosterOptOut?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientAppointments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The patient's appointments by start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentList"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAvailability: {
        parameters: {
            query: {
                service?: components["schemas"]["ServiceId"];
                /** @description A booked appointment to move: starts a reschedule of it would accept. */
                forAppointment?: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every free 15-minute start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slots: {
                            start: components["schemas"]["UtcInstant"];
                            end: components["schemas"]["UtcInstant"];
                        }[];
                    };
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppointments: {
        parameters: {
            query: {
                confirmation?: components["schemas"]["Confirmation"];
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agenda, sorted by start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentList"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bookAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key and body returns the first response and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    patientId: string;
                    service: components["schemas"]["ServiceId"];
                    start: string;
                };
            };
        };
        responses: {
            /** @description The booked appointment with its reminders. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The appointment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The changed appointment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rescheduleAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    start: string;
                    withoutStaff?: string[];
                };
            };
        };
        responses: {
            /** @description The changed appointment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    eligible: boolean;
                    protocols?: components["schemas"]["ProtocolId"][];
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description The changed appointment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "completed" | "no-show";
                };
            };
        };
        responses: {
            /** @description The changed appointment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendReminder: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key and body returns the first response and creates nothing. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
                /** @description The id of one of the appointment's reminders. */
                reminderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The appointment, with the copy among its reminders. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgenda: {
        parameters: {
            query?: {
                /** @description A date on the clinic's calendar, YYYY-MM-DD. Without it, the clinic's today by the API's clock. */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The day's agenda. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agenda"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    backfillAgendaDates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A UTC month, YYYY-MM: the appointments starting in it are filed. */
                    month: string;
                };
            };
        };
        responses: {
            /** @description How many appointments were filed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        month: string;
                        /** @description Appointments filed by this request (0 when run again). */
                        filed: number;
                    };
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeDate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The clinic-local date to close, YYYY-MM-DD: today or later. */
                    date: string;
                    /** @description Why the clinic closes, for staff: stored on each cancelled appointment. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The closed date and the appointments the closure cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Closure"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bookSeries: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key and body returns the first response and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    patientId: string;
                    protocolId: components["schemas"]["ProtocolId"];
                    start: string;
                };
            };
        };
        responses: {
            /** @description The booked series with every session and its reminders. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Series"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewSeries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    patientId: string;
                    protocolId: components["schemas"]["ProtocolId"];
                    start: string;
                };
            };
        };
        responses: {
            /** @description Each session's place, in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesPreview"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Series"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelSeries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The cancelled series. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Series"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roster. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffList"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addStaffMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key and body returns the first response and creates nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    roles: components["schemas"]["StaffRole"][];
                    hours?: components["schemas"]["WeeklyHours"];
                    email?: string;
                };
            };
        };
        responses: {
            /** @description The new staff member. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStaffMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    roles?: components["schemas"]["StaffRole"][];
                    hours?: components["schemas"]["WeeklyHours"] | null;
                    email?: string | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed staff member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readAuditTrail: {
        parameters: {
            query: {
                patientId?: string;
                actor?: string;
                limit?: number;
                next?: string;
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries in time order, and `next` for more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["AuditEntry"][];
                        next?: string;
                    };
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRemsMonitoringForms: {
        parameters: {
            query?: {
                status?: components["schemas"]["RemsFormStatus"];
                /** @description Submitted only: first session date (with `to`). */
                from?: string;
                /** @description Submitted only: last session date (with `from`). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forms, oldest due first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemsMonitoringFormList"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordRemsMonitoringForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id chosen by the server. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description When the form was filed with the REMS program: not in the future, not before the session started. */
                    submittedAt: string;
                    /** @description The program's reference for the form. */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description The appointment with its recorded form. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description The request does not match the schema; `errors` names each field at fault. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, a bad signature, or an expired token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Capacity taken, or the object's state forbids the action. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A clinical or calendar rule forbids it; `detail` says which. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    showUnsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the booster invitation's link: `<patientId>.<issued day>.<signature>`. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A link that is malformed, forged, expired, or was sent to an address the patient no longer has. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribeFromBoosters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the booster invitation's link: `<patientId>.<issued day>.<signature>`. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A link that is malformed, forged, expired, or was sent to an address the patient no longer has. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    showAppointmentAnswerPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the email's Confirm or Cancel link: `<key id>.<appointment id>.<expiry>.<signature>`. Names no patient and no date. */
                token: string;
                /** @description What the link offers: `confirm` or `cancel`. */
                action: "confirm" | "cancel";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page: what the link offers (GET), or that the answer was recorded (POST). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A link that is malformed, forged, expired, or whose appointment is gone: call the clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A good link that cannot do what it offers now: already confirmed or cancelled, moved, begun, or too late to cancel online (call the clinic). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    answerAppointmentFromEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description From the email's Confirm or Cancel link: `<key id>.<appointment id>.<expiry>.<signature>`. Names no patient and no date. */
                token: string;
                /** @description What the link offers: `confirm` or `cancel`. */
                action: "confirm" | "cancel";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page: what the link offers (GET), or that the answer was recorded (POST). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A link that is malformed, forged, expired, or whose appointment is gone: call the clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A good link that cannot do what it offers now: already confirmed or cancelled, moved, begun, or too late to cancel online (call the clinic). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            title: string;
                            version: string;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
