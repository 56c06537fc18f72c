import type { ServiceId } from "../../api/types.js";

/**
 * The clinic's day as the Today page draws it: one lane per chair and per office, each appointment in
 * one lane. This is the shape of `GET /agenda` (API.md, "The clinic's day"), so that route can replace
 * the interim source in agenda-source.ts without touching the view.
 */
export interface Agenda {
  date: string;
  timezone: string;
  closed: boolean;
  hours: { open: string; close: string }[];
  lanes: AgendaLane[];
  cancelled: AgendaEntry[];
}

export type Resource = "chair" | "office";

export interface AgendaLane {
  resource: Resource;
  /** 1-based: Chair 1, Chair 2, ... */
  number: number;
  entries: AgendaEntry[];
}

export interface AgendaEntry {
  appointmentId: string;
  start: string;
  end: string;
  service: ServiceId;
  status: "booked" | "cancelled" | "completed" | "no-show";
  patient: { id: string; firstName: string; lastName: string };
  seriesId?: string;
  sequence?: number;
  sessionsInSeries?: number;
  /** Comes with the patients' confirm links (API.md); absent until then. */
  confirmation?: "confirmed" | "unconfirmed";
  /** Comes with staff scheduling (API.md, "Staff and clinical rules"); absent until then. */
  staff?: { id: string; name: string; role: string }[];
}
