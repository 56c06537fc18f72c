import type { Interval, Resource } from "./types.js";

/** A session as the lanes see it: which kind of room, and when. */
export interface LaneSession extends Interval {
  id: string;
  resource: Resource;
}

/**
 * Which chair or office (1, 2, …) each session of one day sits in. Sessions are taken in order of start
 * (then id), each into the lowest-numbered lane of its resource that is free at its start. Lanes never
 * overlap: a lane is free once its last session has ended.
 *
 * Why a session that has started keeps its lane, however the rest of the day changes: its lane depends
 * only on the sessions before it in that order, and those have started too (they start no later). A
 * started session can no longer appear, disappear or move: a booking's arrival time must still be ahead,
 * cancel and reschedule refuse a started session, and a closure leaves it be. So what decides its lane
 * never changes. Attendance changes a session's status, not its place: a no-show keeps its lane.
 *
 * Bookings never exceed the chairs or offices (capacity counts them at every moment), so `capacity` lanes
 * hold them all. Should stored data say otherwise, a session that finds every lane taken gets the next
 * number after them rather than being hidden or overlapping another.
 */
export function assignLanes(
  sessions: readonly LaneSession[],
  capacity: Readonly<Record<Resource, number>>,
): Map<string, number> {
  const lanes = new Map<string, number>();
  const busyUntil: Record<Resource, number[]> = { chair: [], office: [] };
  const ordered = [...sessions].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const s of ordered) {
    const ends = busyUntil[s.resource];
    const startMs = Date.parse(s.start);
    let lane = 0;
    while (lane < ends.length && ends[lane]! > startMs) lane++;
    // Lanes up to the capacity exist even while empty, so a free one is reached before any beyond it.
    while (ends.length < Math.max(lane + 1, capacity[s.resource])) ends.push(Number.NEGATIVE_INFINITY);
    ends[lane] = Date.parse(s.end);
    lanes.set(s.id, lane + 1);
  }
  return lanes;
}
