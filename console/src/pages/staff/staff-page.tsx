import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { StaffMember } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { STAFF_ROLE, staffNeedWords } from "../../labels.js";
import { zoneAbbreviation } from "../../time/clinic-time.js";
import { Badge } from "../../ui/badge.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { hoursWords } from "./hours-words.js";
import { rosterConflictsOf } from "./roster-conflicts.js";
import { missingRoles, serviceNeeds } from "./service-needs.js";
import { StaffConflicts } from "./staff-conflicts.js";
import { StaffForm } from "./staff-form.js";

type Editing = { member?: StaffMember } | undefined;

/**
 * The clinic's roster: who works, in which roles and hours, and who is inactive. Everyone may read it (the
 * desk asks "who is on Thursday?"); only an administrator adds, changes, deactivates or reactivates. A
 * change that would leave booked sessions without their person is refused with those sessions listed.
 */
export function StaffPage() {
  const { api, clinic, protocols, claims } = useConsole();
  const isAdmin = can(claims.roles);
  const staff = useLoad(async () => ok(await api.GET("/staff")).staff, []);
  const [editing, setEditing] = useState<Editing>();
  const [done, setDone] = useState<string>();
  /** Whose (de)activation is running. */
  const [busy, setBusy] = useState<string>();
  /** The last refused (de)activation and why; a later action of any kind replaces it. */
  const [refusal, setRefusal] = useState<{ member: StaffMember; active: boolean; error: unknown }>();

  const setActive = async (member: StaffMember, active: boolean) => {
    setDone(undefined);
    setRefusal(undefined);
    setBusy(member.id);
    try {
      ok(await api.PATCH("/staff/{id}", { params: { path: { id: member.id } }, body: { active } }));
      await staff.reload();
      setDone(
        active
          ? `${member.name} is active again: new bookings may be given to them.`
          : `${member.name} is now inactive: no new bookings are given to them.`,
      );
    } catch (error) {
      setRefusal({ member, active, error });
    } finally {
      setBusy(undefined);
    }
  };

  const roster = staff.data ?? [];
  const services = serviceNeeds(clinic, protocols);
  const missing = missingRoles(roster, services);
  const conflicts = rosterConflictsOf(refusal?.error);

  return (
    <section aria-labelledby="staff-title" class="staff-page">
      <div class="page-head">
        <div>
          <h1 id="staff-title">Staff</h1>
          <p class="hint">
            Who staffs sessions, in which roles and hours. Hours in {zoneAbbreviation(clinic.timezone)}, the
            clinic's clock.
          </p>
        </div>
        {isAdmin && (
          <button
            type="button"
            class="button primary"
            onClick={() => {
              setRefusal(undefined);
              setEditing({});
            }}
          >
            Add a staff member
          </button>
        )}
      </div>
      {!isAdmin && <p class="notice">Only an administrator can change the staff list.</p>}
      <ProblemNote error={staff.error} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      {refusal && conflicts.length > 0 ? (
        <StaffConflicts
          who={refusal.member.name}
          conflicts={conflicts}
          retry={{
            label: `Try again: ${refusal.active ? "reactivate" : "deactivate"} ${refusal.member.name}`,
            onRetry: () => void setActive(refusal.member, refusal.active),
          }}
        />
      ) : (
        <ProblemNote error={refusal?.error} />
      )}
      <section class="card" aria-labelledby="staff-list-title">
        <h2 id="staff-list-title">Staff list</h2>
        {!staff.data ? (
          <p class="hint" aria-busy="true">
            Loading the staff list…
          </p>
        ) : roster.length === 0 ? (
          <p>
            No staff entered: sessions are booked by chairs and offices alone. Once someone is added, every
            new booking needs the people its kind of session needs (below).
          </p>
        ) : (
          <table class="staff-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Roles</th>
                <th scope="col">Working hours</th>
                <th scope="col">Status</th>
                {isAdmin && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {roster.map((m) => (
                <tr key={m.id} class={m.active ? undefined : "inactive"}>
                  <th scope="row">
                    {m.name}
                    {m.email && <span class="hint staff-email">{m.email}</span>}
                  </th>
                  <td>{m.roles.map((r) => STAFF_ROLE[r]).join(", ")}</td>
                  <td>{hoursWords(m.hours)}</td>
                  <td>
                    <Badge tone={m.active ? "good" : "muted"}>{m.active ? "Active" : "Inactive"}</Badge>
                  </td>
                  {isAdmin && (
                    <td>
                      <div class="row-actions">
                        <button
                          type="button"
                          class="button secondary"
                          aria-label={`Change ${m.name}`}
                          disabled={!!busy}
                          onClick={() => {
                            setRefusal(undefined);
                            setEditing({ member: m });
                          }}
                        >
                          Change…
                        </button>
                        <BusyButton
                          type="button"
                          kind="secondary"
                          busy={busy === m.id}
                          busyLabel={m.active ? "Deactivating…" : "Reactivating…"}
                          disabled={!!busy}
                          label={`${m.active ? "Deactivate" : "Reactivate"} ${m.name}`}
                          onClick={() => void setActive(m, !m.active)}
                        >
                          {m.active ? "Deactivate" : "Reactivate"}
                        </BusyButton>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {missing.length > 0 && (
          <div class="notice staff-notice" role="status">
            {missing.map((m) => (
              <p key={m.role}>
                No active {m.role}: {m.services.join(", ")} cannot be booked until one is added or
                reactivated.
              </p>
            ))}
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="staff-needs-title">
        <h2 id="staff-needs-title">Who each session needs</h2>
        <p class="hint">
          Each person is a different member of staff, there for the whole session. These come with the
          protocols and clinic settings.
        </p>
        <dl class="facts">
          {services.map((s) => (
            <Fragment key={s.name}>
              <dt>{s.name}</dt>
              <dd>
                {s.needs.length > 0 ? s.needs.map(staffNeedWords).join(" and ") : "Nobody in particular"}
              </dd>
            </Fragment>
          ))}
        </dl>
      </section>
      {editing && (
        <StaffForm
          member={editing.member}
          onClose={() => setEditing(undefined)}
          onSaved={async (saved) => {
            // Said once the roster shows it, so what is read out is what is on screen.
            await staff.reload();
            setEditing(undefined);
            setDone(
              editing.member ? `${saved.name}: changes saved.` : `${saved.name} was added to the staff.`,
            );
          }}
        />
      )}
    </section>
  );
}
