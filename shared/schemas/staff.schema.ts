import * as z from "zod";
import { weeklyHoursSchema } from "../domain/clinic.js";
import { STAFF_ROLES } from "../domain/staff-needs.js";
import { emailSchema, idSchema, nameSchema } from "./common.schema.js";

export const staffRoleSchema = z.enum(STAFF_ROLES).meta({ id: "StaffRole" });

const rolesSchema = z
  .array(staffRoleSchema)
  .min(1, { message: "must name at least one role: prescriber, nurse or therapist" })
  .max(STAFF_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: "must not repeat a role" });

/** `POST /staff`. Hours left out: the clinic's opening hours, whatever they become. */
export const createStaffBodySchema = z.strictObject({
  name: nameSchema,
  roles: rolesSchema,
  hours: weeklyHoursSchema.optional(),
  email: emailSchema.optional(),
});
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;

/** `PATCH /staff/{id}`: any field but the id; `hours: null` goes back to the clinic's hours. */
export const patchStaffBodySchema = z
  .strictObject({
    name: nameSchema.optional(),
    roles: rolesSchema.optional(),
    hours: weeklyHoursSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "must change at least one field" });
export type PatchStaffBody = z.infer<typeof patchStaffBodySchema>;

export const staffIdParamSchema = z.strictObject({ id: idSchema });

export const staffMemberSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    roles: z.array(staffRoleSchema),
    /** Absent: the clinic's opening hours. */
    hours: weeklyHoursSchema.optional(),
    active: z.boolean(),
    email: z.string().optional(),
  })
  .meta({ id: "StaffMember" });

export const staffListSchema = z.object({ staff: z.array(staffMemberSchema) }).meta({ id: "StaffList" });

/** Who staffs a session, as an Appointment and an agenda entry show it. */
export const staffAssignmentSchema = z
  .object({ id: idSchema, name: z.string(), role: staffRoleSchema })
  .meta({ id: "StaffAssignment" });
