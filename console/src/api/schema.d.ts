/**
 * The admin API's types, generated from its OpenAPI document by console/tooling/generate-api-types.ts.
 * Do not edit: run `npm run console:api-types` after changing a route or schema. A test fails while this
 * file and the document disagree.
 */

export interface paths {
    "/clinic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
            };
        };
        put: {
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
            };
        };
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
        get: {
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
            };
        };
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
        /** Find patients by "last name, first name", phone number or email */
        get: {
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
            };
        };
        put?: never;
        post: {
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
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
            };
        };
        trace?: never;
    };
    "/patients/{id}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
            };
        };
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
        get: {
            parameters: {
                query: {
                    service: components["schemas"]["ServiceId"];
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
            };
        };
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
        get: {
            parameters: {
                query: {
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
            };
        };
        put?: never;
        post: {
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
        get: {
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
            };
        };
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
        /** Cancel an appointment and its pending reminders */
        post: {
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
            };
        };
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
        /** Move an appointment; its pending reminders move with it */
        post: {
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
        /** Record a consultation's outcome (eligibility) */
        post: {
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
            };
        };
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
        /** Record whether the patient came */
        post: {
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
            };
        };
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
        /** Plan and book a whole treatment series, all or nothing */
        post: {
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
        get: {
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
            };
        };
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
        /** Cancel a series: its future sessions and their reminders */
        post: {
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
            };
        };
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
            seriesId?: string;
            sequence?: number;
            reminders: components["schemas"]["Reminder"][];
            outcome?: components["schemas"]["ConsultationOutcome"];
            cancelReason?: string;
            version: number;
            createdAt: components["schemas"]["UtcInstant"];
            updatedAt: components["schemas"]["UtcInstant"];
        };
        AppointmentList: {
            appointments: components["schemas"]["Appointment"][];
        };
        Clinic: {
            name: string;
            timezone: string;
            phone: string;
            address: string;
            chairs: number;
            offices: number;
            hours: {
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
                };
            };
            /** @default 365 */
            bookingHorizonDays: number;
        };
        ClinicInput: {
            name: string;
            timezone: string;
            phone: string;
            address: string;
            chairs: number;
            offices: number;
            hours: {
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
                };
            };
            /** @default 365 */
            bookingHorizonDays?: number;
        };
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
        };
        Series: {
            id: string;
            patientId: string;
            protocolId: components["schemas"]["ProtocolId"];
            /** @enum {string} */
            status: "active" | "completed" | "cancelled";
            sessions: components["schemas"]["Appointment"][];
            cancelReason?: string;
            createdAt: components["schemas"]["UtcInstant"];
        };
        /** @enum {string} */
        ServiceId: "consultation" | "integration" | "booster" | "iv-ketamine" | "im-ketamine" | "esketamine" | "kap";
        /** Format: date-time */
        UtcInstant: string;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
