import * as z from "zod/mini";
import { intIn } from "./number-schemas.js";

/** What a clinician on the roster may do in a session. */
export const STAFF_ROLES = ["prescriber", "nurse", "therapist"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The most sessions one person may cover at once, whatever a clinic sets. */
export const MAX_SESSIONS_AT_ONCE = 12;

/**
 * One person a session needs, for its whole duration. `sessionsAtOnce` is how many such sessions one
 * person covers at the same time: 1 is one to one (a consultation, a KAP dosing session), 3 is a nurse
 * watching three chairs. "on-site" only needs them working in the clinic then (esketamine's REMS asks for a
 * prescriber on site): it takes none of their time, so they may see patients meanwhile.
 */
export const staffNeedSchema = z
  .strictObject({
    role: z.enum(STAFF_ROLES),
    sessionsAtOnce: z.union([intIn(1, MAX_SESSIONS_AT_ONCE), z.literal("on-site")]),
  })
  .register(z.globalRegistry, { id: "StaffNeed" });
export type StaffNeed = z.infer<typeof staffNeedSchema>;

/** Everyone a session needs; each need is filled by a different person. */
export const staffNeedsSchema = z.array(staffNeedSchema).check(z.maxLength(4));

export const ONE_PRESCRIBER: StaffNeed = { role: "prescriber", sessionsAtOnce: 1 };
export const ONE_THERAPIST: StaffNeed = { role: "therapist", sessionsAtOnce: 1 };
export const NURSE_FOR_THREE: StaffNeed = { role: "nurse", sessionsAtOnce: 3 };
export const PRESCRIBER_ON_SITE: StaffNeed = { role: "prescriber", sessionsAtOnce: "on-site" };
