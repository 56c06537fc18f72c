import type { AgendaEntry, AgendaLane, Resource } from "./agenda.js";

/**
 * Places a day's appointments of one kind of room into numbered lanes, first fit by start time, so no two
 * entries of a lane overlap. The API books by capacity, not by a named chair, so any fit is as true as
 * another; `GET /agenda` will keep a started session in its lane, which this interim packing cannot.
 * More lanes than rooms appear only if the clinic lowered its count under existing bookings.
 */
export function packLanes(resource: Resource, rooms: number, entries: readonly AgendaEntry[]): AgendaLane[] {
  const lanes: AgendaLane[] = Array.from({ length: rooms }, (_, i) => ({
    resource,
    number: i + 1,
    entries: [],
  }));
  const sorted = [...entries].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  for (const entry of sorted) {
    let lane = lanes.find((l) => (l.entries.at(-1)?.end ?? "") <= entry.start);
    if (!lane) {
      lane = { resource, number: lanes.length + 1, entries: [] };
      lanes.push(lane);
    }
    lane.entries.push(entry);
  }
  return lanes;
}
