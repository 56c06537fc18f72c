import type { Clinic } from "../domain/clinic.js";
import type { StaffMember } from "../domain/staff.js";
import { type RosterConflict, rosterConflicts } from "../domain/staff-roster.js";
import type { ClinicRecord } from "../ports/store.js";
import type { CreateStaffBody, PatchStaffBody } from "../schemas/staff.schema.js";
import { bookingsNotOver } from "./clinic-settings.js";
import { type Deps, nowIso, retryOnStaleWrite } from "./deps.js";
import { Conflict, NotFound } from "./errors.js";
import { type IdempotencyRequest, once } from "./idempotency.js";

/** A roster change would leave booked sessions without the person who staffs them: 409 with the list. */
export class RosterWouldStrand extends Conflict {
  constructor(readonly conflicts: RosterConflict[]) {
    super(
      `This change would leave ${conflicts.length} booked session${conflicts.length === 1 ? "" : "s"} without ` +
        "the person who staffs them. Hand each to someone else (reschedule it with `withoutStaff` naming this " +
        "person, at the same time or another) or cancel it first.",
      "conflicts",
    );
  }
}

/** How long bookings wait for a roster change at most, as for settings. */
const ROSTER_LOCK_MS = 30_000;

export async function listStaff(deps: Deps): Promise<{ staff: StaffMember[] }> {
  return { staff: (await deps.store.getClinicRecord()).staff };
}

/**
 * Adds someone to the roster. Nothing booked can conflict with a new person, so the roster is written at
 * the version read, without the lock a change needs; a booking deciding meanwhile retries on the new one.
 * The first person entered turns staffing on: from then on every session needs the people its service
 * needs (bookings made before keep their rooms and carry no staff).
 */
export async function addStaffMember(deps: Deps, body: CreateStaffBody, idem?: IdempotencyRequest) {
  return once<StaffMember>(deps.store, idem, (record) =>
    retryOnStaleWrite(deps, async () => {
      const current = await readRoster(deps);
      const member: StaffMember = {
        id: deps.ids(),
        name: body.name,
        roles: body.roles,
        ...(body.hours ? { hours: body.hours } : {}),
        active: true,
        ...(body.email ? { email: body.email } : {}),
      };
      const idempotency = record(201, member);
      await deps.store.commit({
        roster: [...current.staff, member],
        clinicVersion: current.version,
        ...(idempotency ? { idempotency } : {}),
      });
      return member;
    }),
  );
}

/**
 * Changes one person. A change that takes anything away (inactive, a role, hours) is checked against every
 * booked session not yet over, as a settings change is: lock the settings (no booking decided before can
 * commit after), read the bookings, refuse with the list or save, which lifts the lock.
 */
export async function updateStaffMember(deps: Deps, id: string, patch: PatchStaffBody): Promise<StaffMember> {
  return retryOnStaleWrite(deps, async () => {
    const current = await readRoster(deps);
    const before = current.staff.find((m) => m.id === id);
    if (!before) throw new NotFound("staff member");
    const after = patched(before, patch);
    const roster = current.staff.map((m) => (m.id === id ? after : m));
    const clinic = current.clinic ?? deps.clinicDefaults;
    if (!takesAway(before, after)) {
      await deps.store.commit({ roster, clinicVersion: current.version });
      return after;
    }
    const lockVersion = await deps.store.lockClinic(
      current.version,
      new Date(deps.clock.now().getTime() + ROSTER_LOCK_MS).toISOString(),
      clinic,
    );
    try {
      const now = nowIso(deps);
      const conflicts = rosterConflicts(clinic, roster, await bookingsNotOver(deps, clinic, now), now);
      if (conflicts.length > 0) throw new RosterWouldStrand(conflicts);
      await deps.store.commit({ roster, clinicVersion: lockVersion });
      return after;
    } catch (error) {
      await deps.store.unlockClinic(lockVersion);
      throw error;
    }
  });
}

async function readRoster(deps: Deps): Promise<ClinicRecord & { clinic?: Clinic }> {
  const record = await deps.store.getClinicRecord();
  if (record.locked)
    throw new Conflict(
      "Another change to the clinic settings or staff is being saved; try again in a moment.",
      "busy",
    );
  return record;
}

function patched(member: StaffMember, patch: PatchStaffBody): StaffMember {
  const { hours, email, ...rest } = { ...member, ...patch };
  return {
    ...rest,
    ...(hours ? { hours } : {}),
    ...(email ? { email } : {}),
  } as StaffMember;
}

/** Whether a change could leave a booked session without its person: anything but a rename or an address. */
function takesAway(before: StaffMember, after: StaffMember): boolean {
  return (
    (before.active && !after.active) ||
    before.roles.some((r) => !after.roles.includes(r)) ||
    JSON.stringify(before.hours ?? null) !== JSON.stringify(after.hours ?? null)
  );
}
