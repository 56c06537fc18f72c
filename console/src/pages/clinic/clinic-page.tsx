import { useState } from "preact/hooks";
import { ok } from "../../api/client.js";
import type { Clinic } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useAction } from "../../ui/use-action.js";
import { CloseDay } from "./close-day.js";
import { ClosedDatesEditor } from "./closed-dates-editor.js";
import { conflictsOf } from "./conflicts.js";
import { HoursEditor } from "./hours-editor.js";
import { SettingsConflicts } from "./settings-conflicts.js";

/** The lengths of the services that are not protocol sessions, with the API's limits (shared/domain/clinic.ts). */
const SERVICE_MINUTES = [
  ["consultation", "Consultation minutes", 480],
  ["integration", "Integration session minutes", 480],
  ["booster", "Booster minutes", 600],
] as const;

/**
 * The clinic's settings (PUT /clinic replaces them whole). Everyone may read them; only an administrator
 * may save. Protocol tuning is kept as it is (it has no form yet).
 */
export function ClinicPage() {
  const { api, clinic, claims, refresh } = useConsole();
  const [form, setForm] = useState<Clinic>(() => structuredClone(clinic));
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const isAdmin = can(claims.roles);
  const set = <K extends keyof Clinic>(key: K, value: Clinic[K]) => {
    setForm({ ...form, [key]: value });
    setSaved(false);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    await run("save", async () => {
      setForm(ok(await api.PUT("/clinic", { body: form })));
      setSaved(true);
      await refresh();
    });
  };

  const text = (key: "name" | "phone" | "address" | "timezone", label: string, hint?: string) => (
    <label>
      {label}
      {hint && <span class="hint"> {hint}</span>}
      <input
        type="text"
        required
        value={form[key]}
        onInput={(e) => set(key, (e.target as HTMLInputElement).value)}
      />
    </label>
  );
  const number = (
    value: number,
    label: string,
    onValue: (n: number) => void,
    attrs: { min: number; max: number; step?: number },
  ) => (
    <label>
      {label}
      <input
        type="number"
        required
        {...attrs}
        value={value}
        onInput={(e) => onValue(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );

  return (
    <section aria-labelledby="clinic-title">
      <div class="page-head">
        <h1 id="clinic-title">Clinic settings</h1>
      </div>
      {!isAdmin && <p class="notice">Only an administrator can change these settings.</p>}
      <form onSubmit={save}>
        <fieldset disabled={!isAdmin || !!busy} class="settings">
          <section class="card" aria-labelledby="clinic-basics">
            <h2 id="clinic-basics">Clinic</h2>
            <div class="two-columns">
              {text(
                "name",
                "Name",
                "(shown in emails; a name that reveals the treatment is replaced by “Your clinic” in subjects)",
              )}
              {text("phone", "Phone")}
              {text("address", "Address")}
              {text("timezone", "Time zone", "(IANA, e.g. America/New_York)")}
              {number(form.chairs, "Treatment chairs", (n) => set("chairs", n), { min: 0, max: 100 })}
              {number(form.offices, "Offices", (n) => set("offices", n), { min: 0, max: 100 })}
            </div>
          </section>
          <section class="card" aria-labelledby="clinic-hours">
            <h2 id="clinic-hours">Opening hours</h2>
            <HoursEditor hours={form.hours} onChange={(hours) => set("hours", hours)} />
          </section>
          <section class="card" aria-labelledby="clinic-closed">
            <h2 id="clinic-closed">Closed dates</h2>
            <ClosedDatesEditor dates={form.closedDates} onChange={(dates) => set("closedDates", dates)} />
          </section>
          <section class="card" aria-labelledby="clinic-emails">
            <h2 id="clinic-emails">Emails and bookings</h2>
            <div class="two-columns">
              <label>
                Quiet hours start <span class="hint">(no email to a patient in their quiet hours)</span>
                <input
                  type="time"
                  required
                  value={form.quietHours.start}
                  onInput={(e) =>
                    set("quietHours", { ...form.quietHours, start: (e.target as HTMLInputElement).value })
                  }
                />
              </label>
              <label>
                Quiet hours end
                <input
                  type="time"
                  required
                  value={form.quietHours.end}
                  onInput={(e) =>
                    set("quietHours", { ...form.quietHours, end: (e.target as HTMLInputElement).value })
                  }
                />
              </label>
              {number(
                form.arrivalMinutesBefore,
                "Arrive this many minutes early",
                (n) => set("arrivalMinutesBefore", n),
                { min: 0, max: 120 },
              )}
              {number(
                form.bookingHorizonDays,
                "Book at most this many days ahead",
                (n) => set("bookingHorizonDays", n),
                { min: 1, max: 730 },
              )}
              {SERVICE_MINUTES.map(([service, label, max]) =>
                number(
                  form.serviceMinutes[service],
                  label,
                  (n) => set("serviceMinutes", { ...form.serviceMinutes, [service]: n }),
                  { min: 15, max, step: 15 },
                ),
              )}
            </div>
          </section>
          {conflictsOf(error).length > 0 ? (
            <SettingsConflicts conflicts={conflictsOf(error)} />
          ) : (
            <ProblemNote error={error} />
          )}
          {saved && (
            <p class="notice" role="status">
              Settings saved.
            </p>
          )}
          {isAdmin && (
            <div class="actions sticky-actions">
              <BusyButton busy={!!busy} busyLabel="Saving…">
                Save settings
              </BusyButton>
            </div>
          )}
        </fieldset>
      </form>
      {isAdmin && (
        <section class="card" aria-labelledby="clinic-close-day">
          <h2 id="clinic-close-day">Close a day</h2>
          <p class="hint">
            For a day that already has bookings (a storm, a power cut). A closed date added above only stops
            new bookings, and is refused while anything is booked that day.
          </p>
          <CloseDay
            onClosed={(date) => {
              // The form is a copy: keep the new closed date in it, or the next save would reopen the day.
              setForm((f) => ({ ...f, closedDates: [...new Set([...f.closedDates, date])].sort() }));
              void refresh();
            }}
          />
        </section>
      )}
    </section>
  );
}
