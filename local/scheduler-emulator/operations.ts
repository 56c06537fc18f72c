import { conflict, notFound, validationError } from "./errors.js";
import { groupArn, type ScheduleStore, scheduleArn } from "./schedule-store.js";
import type { StoredSchedule } from "./types.js";
import { assertName, validateScheduleBody } from "./validate-schedule.js";

/** The Scheduler operations the emulator serves, each taking already-decoded path, query and body. */
const epochSeconds = () => Math.floor(Date.now() / 1000);

function existingGroup(store: ScheduleStore, name: string) {
  const group = store.group(name);
  if (!group) throw notFound(`Schedule group ${name} does not exist.`);
  return group;
}

export function createSchedule(store: ScheduleStore, rawName: string, body: unknown) {
  const name = assertName(rawName, "name");
  const fields = validateScheduleBody(name, body);
  existingGroup(store, fields.GroupName);
  if (store.schedule(fields.GroupName, name)) throw conflict(`Schedule ${name} already exists.`);
  const now = epochSeconds();
  const arn = scheduleArn(fields.GroupName, name);
  store.putSchedule({ ...fields, Arn: arn, CreationDate: now, LastModificationDate: now, revision: 1 });
  return { ScheduleArn: arn };
}

export function updateSchedule(store: ScheduleStore, rawName: string, body: unknown) {
  const name = assertName(rawName, "name");
  const fields = validateScheduleBody(name, body);
  const existing = store.schedule(fields.GroupName, name);
  if (!existing) throw notFound(`Schedule ${name} does not exist.`);
  // Update replaces the whole definition, and a new at() time may fire again: no firedAt carried over.
  store.putSchedule({
    ...fields,
    Arn: existing.Arn,
    CreationDate: existing.CreationDate,
    LastModificationDate: epochSeconds(),
    revision: existing.revision + 1,
  });
  return { ScheduleArn: existing.Arn };
}

export function getSchedule(store: ScheduleStore, rawName: string, rawGroup: string | null) {
  const name = assertName(rawName, "name");
  const group = rawGroup === null ? "default" : assertName(rawGroup, "groupName");
  const schedule = store.schedule(group, name);
  if (!schedule) throw notFound(`Schedule ${name} does not exist.`);
  return toWire(schedule);
}

export function deleteSchedule(store: ScheduleStore, rawName: string, rawGroup: string | null) {
  const name = assertName(rawName, "name");
  const group = rawGroup === null ? "default" : assertName(rawGroup, "groupName");
  if (!store.deleteSchedule(group, name)) throw notFound(`Schedule ${name} does not exist.`);
  return {};
}

export function listSchedules(store: ScheduleStore, query: URLSearchParams) {
  const group = query.get("ScheduleGroup");
  const prefix = query.get("NamePrefix");
  const state = query.get("State");
  if (group !== null) assertName(group, "groupName");
  if (state !== null && state !== "ENABLED" && state !== "DISABLED") {
    throw validationError(`Value '${state}' at 'state' failed to satisfy constraint: ENABLED or DISABLED`);
  }
  const matching = store
    .allSchedules()
    .filter(
      (s) =>
        (group === null || s.GroupName === group) &&
        (prefix === null || s.Name.startsWith(prefix)) &&
        (state === null || s.State === state),
    );
  const { page, nextToken } = paginate(matching, query);
  return {
    Schedules: page.map((s) => ({
      Arn: s.Arn,
      Name: s.Name,
      GroupName: s.GroupName,
      State: s.State,
      CreationDate: s.CreationDate,
      LastModificationDate: s.LastModificationDate,
      Target: { Arn: s.Target.Arn },
    })),
    ...(nextToken === undefined ? {} : { NextToken: nextToken }),
  };
}

export function createScheduleGroup(store: ScheduleStore, rawName: string) {
  const name = assertName(rawName, "name");
  if (store.group(name)) throw conflict(`Schedule group ${name} already exists.`);
  const now = epochSeconds();
  const arn = groupArn(name);
  store.putGroup({ Arn: arn, Name: name, State: "ACTIVE", CreationDate: now, LastModificationDate: now });
  return { ScheduleGroupArn: arn };
}

export function getScheduleGroup(store: ScheduleStore, rawName: string) {
  return existingGroup(store, assertName(rawName, "name"));
}

export function listScheduleGroups(store: ScheduleStore, query: URLSearchParams) {
  const prefix = query.get("NamePrefix");
  const matching = store.allGroups().filter((g) => prefix === null || g.Name.startsWith(prefix));
  const { page, nextToken } = paginate(matching, query);
  return { ScheduleGroups: page, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
}

/** NextToken is an opaque offset; good enough for a store that only changes between calls in tests. */
function paginate<T>(items: T[], query: URLSearchParams): { page: T[]; nextToken?: string } {
  const maxResults = query.get("MaxResults") === null ? 100 : Number(query.get("MaxResults"));
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
    throw validationError("MaxResults must be an integer between 1 and 100.");
  }
  const token = query.get("NextToken");
  const start = token === null ? 0 : Number(Buffer.from(token, "base64url").toString());
  if (!Number.isInteger(start) || start < 0) throw validationError("Invalid NextToken.");
  const end = start + maxResults;
  const page = items.slice(start, end);
  return end < items.length ? { page, nextToken: Buffer.from(String(end)).toString("base64url") } : { page };
}

/** GetSchedule's output: the stored schedule without the emulator's bookkeeping. */
function toWire(schedule: StoredSchedule) {
  const { revision: _revision, firedAt: _firedAt, ...wire } = schedule;
  return wire;
}
