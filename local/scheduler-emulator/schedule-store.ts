import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readJsonFile, writeJsonFile } from "../json-file.js";
import type { DeadLetter, StoredSchedule, StoredScheduleGroup } from "./types.js";

interface Snapshot {
  groups: StoredScheduleGroup[];
  schedules: StoredSchedule[];
  deadLetters: DeadLetter[];
}

/** Made-up account: ARNs only need to look right, nothing resolves them locally. */
export const LOCAL_ACCOUNT = "000000000000";
export const LOCAL_REGION = "us-east-1";

export const groupArn = (name: string) =>
  `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule-group/${name}`;
export const scheduleArn = (group: string, name: string) =>
  `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/${group}/${name}`;

const key = (group: string, name: string) => `${group}/${name}`;

/**
 * Schedules, groups and dead letters, in memory, mirrored to `<dataDir>/schedules.json` after every
 * change when a dataDir is given, so pending reminders survive a restart of `npm start`.
 */
export class ScheduleStore {
  private readonly groups = new Map<string, StoredScheduleGroup>();
  private readonly schedules = new Map<string, StoredSchedule>();
  private readonly letters: DeadLetter[] = [];
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    this.file = dataDir === undefined ? undefined : join(dataDir, "schedules.json");
    const snapshot = this.file === undefined ? undefined : readSnapshot(this.file);
    for (const group of snapshot?.groups ?? []) this.groups.set(group.Name, group);
    for (const schedule of snapshot?.schedules ?? [])
      this.schedules.set(key(schedule.GroupName, schedule.Name), schedule);
    this.letters.push(...(snapshot?.deadLetters ?? []));
    if (!this.groups.has("default")) {
      // AWS creates "default" in every account; it cannot be deleted.
      const now = Math.floor(Date.now() / 1000);
      this.groups.set("default", {
        Arn: groupArn("default"),
        Name: "default",
        State: "ACTIVE",
        CreationDate: now,
        LastModificationDate: now,
      });
    }
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  }

  group(name: string): StoredScheduleGroup | undefined {
    return this.groups.get(name);
  }

  allGroups(): StoredScheduleGroup[] {
    return [...this.groups.values()].sort((a, b) => a.Name.localeCompare(b.Name));
  }

  putGroup(group: StoredScheduleGroup): void {
    this.groups.set(group.Name, group);
    this.persist();
  }

  schedule(group: string, name: string): StoredSchedule | undefined {
    return this.schedules.get(key(group, name));
  }

  allSchedules(): StoredSchedule[] {
    return [...this.schedules.values()].sort(
      (a, b) => a.GroupName.localeCompare(b.GroupName) || a.Name.localeCompare(b.Name),
    );
  }

  /** Every schedule in no particular order: for scans that pick their own, without sorting them all. */
  eachSchedule(): IterableIterator<StoredSchedule> {
    return this.schedules.values();
  }

  /** Counts every put and delete of a schedule: whoever keeps a view of them knows when it is stale. */
  get scheduleChanges(): number {
    return this.changes;
  }

  private changes = 0;

  putSchedule(schedule: StoredSchedule): void {
    this.changes += 1;
    this.schedules.set(key(schedule.GroupName, schedule.Name), schedule);
    this.persist();
  }

  deleteSchedule(group: string, name: string): boolean {
    const deleted = this.schedules.delete(key(group, name));
    if (deleted) {
      this.changes += 1;
      this.persist();
    }
    return deleted;
  }

  deadLetters(): DeadLetter[] {
    return [...this.letters];
  }

  addDeadLetter(letter: DeadLetter): void {
    this.letters.push(letter);
    this.persist();
  }

  private persist(): void {
    if (this.file === undefined) return;
    const snapshot: Snapshot = {
      groups: this.allGroups(),
      schedules: this.allSchedules(),
      deadLetters: this.letters,
    };
    writeJsonFile(this.file, snapshot);
  }
}

function readSnapshot(file: string): Partial<Snapshot> | undefined {
  return readJsonFile(file) as Partial<Snapshot> | undefined;
}
