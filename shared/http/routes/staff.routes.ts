import {
  createStaffBodySchema,
  patchStaffBodySchema,
  staffListSchema,
  staffMemberSchema,
} from "../../schemas/staff.schema.js";
import { addStaffMember, listStaff, updateStaffMember } from "../../use-cases/staff.js";
import { auditOfPathId } from "../audit-trail.js";
import {
  commonErrors,
  conflict,
  idempotencyHeader,
  idParam,
  jsonContent,
  notFound,
} from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";
import { createOnce } from "./created.js";

export function registerStaffRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/staff",
      operationId: "listStaff",
      roles: ANY_ROLE,
    },
    async (c, _input, deps) => c.json(await listStaff(deps), 200),
  );
  API_DOCS: routes.describe("listStaff", {
    summary: "List the clinic's staff",
    description:
      "Everyone on the roster, active or not, in the order they were entered. An empty roster means " +
      "rooms alone decide bookings; once anyone is entered, every session needs the people its service " +
      "needs (see the protocols' `staff` and the clinic's `serviceStaff`).",
    tags: ["staff"],
    responses: { 200: jsonContent(staffListSchema, "The roster."), ...commonErrors },
  });
  routes.add(
    {
      method: "post",
      path: "/staff",
      audit: { target: "staff", successStatus: 201 },
      operationId: "addStaffMember",
      roles: ["admin"],
      request: { headers: idempotencyHeader, body: createStaffBodySchema },
    },
    async (c, input, deps) => {
      const body = input.body;
      return createOnce(c, body, (idem) => addStaffMember(deps, body, idem));
    },
  );
  API_DOCS: routes.describe("addStaffMember", {
    summary: "Add someone to the roster",
    description:
      "A prescriber, nurse or therapist (or several roles) with working hours; without `hours`, the " +
      "clinic's opening hours. The first person entered turns staffing on for bookings made from then on. " +
      "With an `Idempotency-Key`, a repeat of the same request returns the first response.",
    tags: ["staff"],
    responses: {
      201: jsonContent(staffMemberSchema, "The new staff member."),
      ...commonErrors,
      ...conflict,
    },
  });
  routes.add(
    {
      method: "patch",
      path: "/staff/{id}",
      audit: auditOfPathId("staff"),
      operationId: "updateStaffMember",
      roles: ["admin"],
      request: { params: idParam, body: patchStaffBodySchema },
    },
    async (c, input, deps) => c.json(await updateStaffMember(deps, input.params.id, input.body), 200),
  );
  API_DOCS: routes.describe("updateStaffMember", {
    summary: "Change a staff member: name, roles, hours, active",
    description:
      "Changes the fields given; `hours: null` goes back to the clinic's hours. A change that would " +
      "leave a booked session without its person (inactive, a role removed, hours that no longer cover " +
      'it) is refused with 409, `code: "conflicts"` and the sessions in `conflicts`, and writes nothing.',
    tags: ["staff"],
    responses: {
      200: jsonContent(staffMemberSchema, "The changed staff member."),
      ...commonErrors,
      ...notFound,
      ...conflict,
    },
  });
}
