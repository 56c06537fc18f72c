import type { Clinic, Protocol, StaffMember, StaffNeed, StaffRole } from "../../api/types.js";

/** One kind of session and the people it needs, under the name the clinic knows it by. */
export interface ServiceNeeds {
  name: string;
  needs: readonly StaffNeed[];
}

/**
 * Who each kind of session needs, as this clinic runs it: consultations and integration sessions by the
 * clinic's `serviceStaff`, each protocol's sessions by its own `staff` (boosters follow their protocol).
 */
export function serviceNeeds(
  clinic: Pick<Clinic, "serviceStaff">,
  protocols: readonly Pick<Protocol, "name" | "staff">[],
): ServiceNeeds[] {
  return [
    { name: "Consultation", needs: clinic.serviceStaff.consultation },
    ...protocols.map((p) => ({ name: p.name, needs: p.staff })),
    { name: "Integration session", needs: clinic.serviceStaff.integration },
  ];
}

/**
 * The roles no active person on the roster holds, each with the sessions that therefore cannot be booked.
 * An empty roster has none: rooms alone decide until someone is entered.
 */
export function missingRoles(
  roster: readonly Pick<StaffMember, "roles" | "active">[],
  services: readonly ServiceNeeds[],
): { role: StaffRole; services: string[] }[] {
  if (roster.length === 0) return [];
  const held = new Set(roster.filter((m) => m.active).flatMap((m) => m.roles));
  const missing = new Map<StaffRole, string[]>();
  for (const s of services) {
    for (const role of new Set(s.needs.map((n) => n.role))) {
      if (!held.has(role)) missing.set(role, [...(missing.get(role) ?? []), s.name]);
    }
  }
  return [...missing].map(([role, names]) => ({ role, services: names }));
}
