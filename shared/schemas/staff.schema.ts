import * as z from "zod/mini";
import { weeklyHoursSchema } from "../domain/clinic.js";
import { STAFF_ROLES } from "../domain/staff-needs.js";
import { emailSchema, idSchema, nameSchema } from "./common.schema.js";

export const staffRoleSchema = z.enum(STAFF_ROLES).register(z.globalRegistry, { id: "StaffRole" });

const rolesSchema = z.array(staffRoleSchema).check(
  z.minLength(1, { message: "must name at least one role: prescriber, nurse or therapist" }),
  z.maxLength(STAFF_ROLES.length),
  z.refine((roles) => new Set(roles).size === roles.length, { message: "must not repeat a role" }),
);

/** `POST /staff`. Hours left out: the clinic's opening hours, whatever they become. */
export const createStaffBodySchema = z.strictObject({
  name: nameSchema,
  roles: rolesSchema,
  hours: z.optional(weeklyHoursSchema),
  email: z.optional(emailSchema),
});
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;

/** `PATCH /staff/{id}`: any field but the id; `hours: null` goes back to the clinic's hours. */
export const patchStaffBodySchema = z
  .strictObject({
    name: z.optional(nameSchema),
    roles: z.optional(rolesSchema),
    hours: z.optional(z.nullable(weeklyHoursSchema)),
    email: z.optional(z.nullable(emailSchema)),
    active: z.optional(z.boolean()),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { message: "must change at least one field" }));
export type PatchStaffBody = z.infer<typeof patchStaffBodySchema>;

export const staffIdParamSchema = z.strictObject({ id: idSchema });

export const staffMemberSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    roles: z.array(staffRoleSchema),
    /** Absent: the clinic's opening hours. */
    hours: z.optional(weeklyHoursSchema),
    active: z.boolean(),
    email: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: "StaffMember" });

export const staffListSchema = z
  .object({ staff: z.array(staffMemberSchema) })
  .register(z.globalRegistry, { id: "StaffList" });

/** Who staffs a session, as an Appointment and an agenda entry show it. */
export const staffAssignmentSchema = z
  .object({ id: idSchema, name: z.string(), role: staffRoleSchema })
  .register(z.globalRegistry, { id: "StaffAssignment" });
