import { useEffect, useState } from "preact/hooks";
import { useConsole } from "../../app-context.js";
import { can } from "../../auth/claims.js";
import { navigate } from "../../router.js";
import { addDays, formatLongDate, zoneAbbreviation } from "../../time/clinic-time.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { useLoad } from "../../ui/use-load.js";
import { type AgendaEntry, loadAgenda } from "./agenda.js";
import { arrivedAgenda, takePrefetchedAgenda } from "./agenda-prefetch.js";
import { CancelledList } from "./cancelled-list.js";
import { EntryDialog } from "./entry-dialog.js";
import { TimeGrid } from "./time-grid.js";
import { ToMark } from "./to-mark.js";

/** The agenda refreshes itself this often while the page is visible, so the desk sees others' changes. */
const REFRESH_MS = 15_000;

/** The clinic's day: every chair and office on a time grid, with one-click actions on each appointment. */
export function TodayPage({ date: asked }: { date: string | undefined }) {
  const { api, clinic, claims, today, now } = useConsole();
  const canMark = can(claims.roles, "staff", "clinician");
  const date = asked ?? today;
  // The first load usually finds the day already there or on its way (signed-in.tsx); reloads read it
  // again.
  const [arrived] = useState(() => arrivedAgenda(api, date));
  const agenda = useLoad(
    () => takePrefetchedAgenda(api, date) ?? loadAgenda(api, date),
    [date, clinic],
    arrived,
  );
  const [open, setOpen] = useState<AgendaEntry>();

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void agenda.reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [agenda.reload]);

  const go = (d: string) => navigate(d === today ? { page: "today" } : { page: "today", date: d });
  const entries = agenda.data?.lanes.flatMap((l) => l.entries) ?? [];
  const count = (status: AgendaEntry["status"]) => entries.filter((e) => e.status === status).length;

  return (
    <section aria-labelledby="today-title" class="today">
      <div class="page-head">
        <div>
          <h1 id="today-title">{date === today ? "Today" : formatLongDate(date)}</h1>
          <p class="hint">
            {date === today && `${formatLongDate(date)} · `}
            {`Times in ${zoneAbbreviation(clinic.timezone, `${date}T12:00:00Z`)}`}
            {agenda.data && !agenda.data.closed ? " · " : ""}
            {agenda.data && !agenda.data.closed
              ? `${count("booked")} booked · ${count("completed")} completed · ${count("no-show")} no-show`
              : ""}
          </p>
        </div>
        <fieldset class="date-nav">
          <legend class="visually-hidden">Choose the day</legend>
          <button type="button" class="button secondary" onClick={() => go(addDays(date, -1))}>
            ‹ Previous day
          </button>
          <label class="visually-hidden" for="agenda-date">
            Date
          </label>
          <input
            id="agenda-date"
            type="date"
            value={date}
            onChange={(e) => {
              const value = (e.target as HTMLInputElement).value;
              if (value) go(value);
            }}
          />
          <button type="button" class="button secondary" onClick={() => go(addDays(date, 1))}>
            Next day ›
          </button>
          {date !== today && (
            <button type="button" class="button secondary" onClick={() => go(today)}>
              Today
            </button>
          )}
        </fieldset>
      </div>
      <ProblemNote error={agenda.error} />
      {!agenda.data ? (
        <p class="hint" aria-busy="true">
          Loading the day…
        </p>
      ) : (
        <>
          {agenda.data.closed && <p class="notice">The clinic is closed on this day.</p>}
          {canMark && (
            <ToMark
              entries={entries
                .filter((e) => e.status === "booked" && e.start <= now)
                .sort((a, b) => a.start.localeCompare(b.start))}
              timezone={agenda.data.timezone}
              onChanged={agenda.reload}
            />
          )}
          <TimeGrid agenda={agenda.data} now={date === today ? now : undefined} onOpen={setOpen} />
          <CancelledList entries={agenda.data.cancelled} timezone={agenda.data.timezone} onOpen={setOpen} />
        </>
      )}
      {open && (
        <EntryDialog
          entry={open}
          onClose={() => setOpen(undefined)}
          onChanged={async () => {
            await agenda.reload();
            setOpen(undefined);
          }}
        />
      )}
    </section>
  );
}
