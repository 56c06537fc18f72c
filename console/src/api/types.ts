import type { components } from "./schema.js";

/** The API's shapes under their own names, as the generated document calls them. */
type Schemas = components["schemas"];
export type Appointment = Schemas["Appointment"];
export type Reminder = Schemas["Reminder"];
export type Patient = Schemas["Patient"];
export type Clinic = Schemas["Clinic"];
export type ClinicInput = Schemas["ClinicInput"];
export type Protocol = Schemas["Protocol"];
export type ProtocolId = Schemas["ProtocolId"];
export type ServiceId = Schemas["ServiceId"];
export type Series = Schemas["Series"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type StaffMember = Schemas["StaffMember"];
export type StaffRole = Schemas["StaffRole"];
export type StaffAssignment = Schemas["StaffAssignment"];
export type StaffNeed = Schemas["StaffNeed"];
export type WeeklyHours = Schemas["WeeklyHours"];
export type Slot = { start: string; end: string };
export type RemsForm = Schemas["RemsMonitoringForm"];
export type RemsFormStatus = Schemas["RemsFormStatus"];
