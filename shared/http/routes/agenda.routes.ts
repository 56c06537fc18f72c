import {
  agendaBackfillBodySchema,
  agendaBackfillResultSchema,
  agendaSchema,
  dayAgendaQuerySchema,
} from "../../schemas/agenda.schema.js";
import { clinicDay, clinicToday, fileMonthUnderDates } from "../../use-cases/agenda.js";
import { commonErrors, jsonContent } from "../openapi-helpers.js";
import { ANY_ROLE } from "../require-role.js";
import type { RouteTable } from "../route-table.js";

export function registerAgendaRoutes(routes: RouteTable): void {
  routes.add(
    {
      method: "get",
      path: "/agenda",
      operationId: "getAgenda",
      audit: {
        target: "agenda",
        id: (input) => (input.query as { date?: string }).date,
        // Without a date in the request, the entry names the day the API answered.
        idOfResponse: (body) => (body as { date?: string }).date,
      },
      roles: ANY_ROLE,
      request: { query: dayAgendaQuerySchema },
    },
    async (c, input, deps) => {
      const { date } = input.query;
      return c.json(date === undefined ? await clinicToday(deps) : await clinicDay(deps, date), 200);
    },
  );
  API_DOCS: routes.describe("getAgenda", {
    summary: "The clinic's day: every chair and office with its appointments and patients",
    description:
      "One lane per chair and per office, empty ones included. Each booked, completed or no-show " +
      "appointment filed under the date sits in exactly one lane of its resource; entries of a lane never " +
      "overlap, and a session that has started keeps its lane. Cancelled appointments are listed apart. " +
      "Read from an index: a change may take a moment to show. Without `date`, the clinic's today by " +
      "the API's clock (locally, the local clock), named in the answer's `date`, so a console opening " +
      "on Today asks for it alongside the clinic's settings. It is read as a given date is, in the " +
      "deployment's default time zone, and read again (two AWS requests more) only while the clinic's " +
      "saved zone is on another date.",
    tags: ["agenda"],
    responses: { 200: jsonContent(agendaSchema, "The day's agenda."), ...commonErrors },
  });
  routes.add(
    {
      method: "post",
      path: "/agenda/backfill",
      operationId: "backfillAgendaDates",
      roles: ["admin"],
      request: { body: agendaBackfillBodySchema },
    },
    async (c, input, deps) => c.json(await fileMonthUnderDates(deps, input.body.month), 200),
  );
  API_DOCS: routes.describe("backfillAgendaDates", {
    summary: "File one month of appointments stored before the agenda under their clinic-local dates",
    description:
      "Appointments booked before this version carry no clinic-local date, so no day's agenda lists them " +
      "until they are filed. Run once per UTC month that holds such appointments, after deploying; " +
      "running it again files nothing twice.",
    tags: ["agenda"],
    responses: {
      200: jsonContent(agendaBackfillResultSchema, "How many appointments were filed."),
      ...commonErrors,
    },
  });
}
