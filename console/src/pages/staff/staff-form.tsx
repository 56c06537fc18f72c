import { useState } from "preact/hooks";
import { idempotencyKey, ok } from "../../api/client.js";
import type { StaffMember, StaffRole, WeeklyHours } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { STAFF_ROLE } from "../../labels.js";
import { BusyButton } from "../../ui/busy-button.js";
import { Modal } from "../../ui/modal.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";
import { HoursEditor } from "../clinic/hours-editor.js";
import { rosterConflictsOf } from "./roster-conflicts.js";
import { StaffConflicts } from "./staff-conflicts.js";

const ROLES = Object.keys(STAFF_ROLE) as StaffRole[];
const STAFF_WORDS = {
  caption: "Working hours by weekday",
  open: "starts",
  close: "finishes",
  none: "Day off",
};

/**
 * Add someone to the roster, or change them: name, roles, an optional email, and either the clinic's
 * opening hours (the default, following the clinic's) or hours of their own. A change that would strand
 * booked sessions is refused by the API with the list, shown here as it came.
 */
export function StaffForm(props: {
  member?: StaffMember;
  /** Reloads the roster and closes the form; Save stays busy until the roster shows the change. */
  onSaved: (member: StaffMember) => Promise<void>;
  onClose: () => void;
}) {
  const { api, clinic } = useConsole();
  const { member } = props;
  const [name, setName] = useState(member?.name ?? "");
  const [roles, setRoles] = useState<StaffRole[]>(member?.roles ?? []);
  const [email, setEmail] = useState(member?.email ?? "");
  const [ownHours, setOwnHours] = useState(member?.hours !== undefined);
  const [hours, setHours] = useState<WeeklyHours>(() => structuredClone(member?.hours ?? clinic.hours));
  const [key] = useState(idempotencyKey);
  const { busy, error, run } = useAction();

  const toggle = (role: StaffRole, on: boolean) =>
    setRoles(on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role));

  const save = async (e: Event) => {
    e.preventDefault();
    await run("save", async () => {
      const trimmed = email.trim();
      const saved = member
        ? ok(
            await api.PATCH("/staff/{id}", {
              params: { path: { id: member.id } },
              body: {
                name: name.trim(),
                roles,
                hours: ownHours ? hours : null,
                // Clearing the field removes the address; one never entered stays absent.
                ...(trimmed ? { email: trimmed } : member.email ? { email: null } : {}),
              },
            }),
          )
        : ok(
            await api.POST("/staff", {
              params: { header: { "idempotency-key": key } },
              body: {
                name: name.trim(),
                roles,
                ...(ownHours ? { hours } : {}),
                ...(trimmed ? { email: trimmed } : {}),
              },
            }),
          );
      await props.onSaved(saved);
    });
  };

  const conflicts = rosterConflictsOf(error);
  return (
    <Modal title={member ? `Change ${member.name}` : "Add a staff member"} onClose={props.onClose}>
      <form onSubmit={save} class="stack staff-form">
        <fieldset class="stack" disabled={!!busy}>
          <label>
            Name <span class="hint">(as patients and colleagues know them, e.g. “Dr Lee”)</span>
            <input
              type="text"
              required
              maxLength={100}
              value={name}
              onInput={(e) => setName((e.target as HTMLInputElement).value)}
            />
          </label>
          <fieldset>
            <legend>Roles</legend>
            <div class="inline">
              {ROLES.map((role) => (
                <label key={role} class="check">
                  <input
                    type="checkbox"
                    checked={roles.includes(role)}
                    onChange={(e) => toggle(role, (e.target as HTMLInputElement).checked)}
                  />
                  {STAFF_ROLE[role]}
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            Email <span class="hint">(optional)</span>
            <input
              type="email"
              value={email}
              maxLength={254}
              onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
            />
          </label>
          <fieldset>
            <legend>Working hours</legend>
            <label class="check">
              <input type="radio" name="hours-kind" checked={!ownHours} onChange={() => setOwnHours(false)} />
              The clinic's opening hours (they follow any change to the clinic's)
            </label>
            <label class="check">
              <input type="radio" name="hours-kind" checked={ownHours} onChange={() => setOwnHours(true)} />
              Hours of their own
            </label>
            {ownHours && <HoursEditor hours={hours} onChange={setHours} words={STAFF_WORDS} />}
          </fieldset>
        </fieldset>
        {conflicts.length > 0 ? (
          <StaffConflicts who={member?.name ?? name} conflicts={conflicts} />
        ) : (
          <ProblemNote error={error} />
        )}
        <div class="actions">
          <BusyButton busy={!!busy} busyLabel="Saving…">
            {member ? "Save changes" : "Add to staff"}
          </BusyButton>
          <button type="button" class="button secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
