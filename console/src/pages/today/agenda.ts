import { type ApiClient, ok } from "../../api/client.js";
import type { components } from "../../api/schema.js";

/**
 * The clinic's day as `GET /agenda` gives it: one lane per chair and per office (empty ones included),
 * each booked, completed or no-show appointment in exactly one lane, patients' names, series position
 * and confirmation; cancelled appointments apart. The API assigns the lanes, so a session that has
 * started keeps its chair however the day changes around it.
 */
export type Agenda = components["schemas"]["Agenda"];
export type AgendaEntry = components["schemas"]["AgendaEntry"];
export type AgendaLane = Agenda["lanes"][number];

/** A day's agenda; without a date, the clinic's today by the API's clock (the answer's `date` says which). */
export async function loadAgenda(api: ApiClient, date: string | undefined): Promise<Agenda> {
  return ok(await api.GET("/agenda", { params: { query: date === undefined ? {} : { date } } }));
}
