import { useState } from "preact/hooks";
import { useConsole } from "./app-context.js";
import { can } from "./auth/claims.js";
import { currentSession } from "./auth/session.js";
import { moveLocalClock } from "./local-clock.js";
import { formatDateTime } from "./time/clinic-time.js";

const HOUR = 3_600_000;

/**
 * Local mode: the API's clock only moves when someone moves it, so the console shows it and lets an
 * administrator move it on (an hour, a day), as `POST /local/clock` does: a consultation can then take
 * place, and the reminders due by then go out to the local inbox.
 */
export function LocalClockControl() {
  const { config, clinic, now, claims, refresh } = useConsole();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();
  if (config.signIn !== "local") return null;
  const move = async (ms: number) => {
    setBusy(true);
    try {
      const fired = await moveLocalClock(
        config.apiUrl,
        currentSession()?.token ?? "",
        new Date(Date.parse(now) + ms),
      );
      setNote(fired === 0 ? "No reminder was due." : `${fired} reminder${fired === 1 ? "" : "s"} fired.`);
      await refresh();
    } catch (error) {
      setNote((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="local-clock" aria-label="Local clock">
      <span>
        Local clock: <strong>{formatDateTime(now, clinic.timezone)}</strong>
      </span>
      {can(claims.roles) && (
        <>
          <button type="button" class="button link" disabled={busy} onClick={() => void move(HOUR)}>
            +1 hour
          </button>
          <button type="button" class="button link" disabled={busy} onClick={() => void move(24 * HOUR)}>
            +1 day
          </button>
        </>
      )}
      {note && <span role="status">{note}</span>}
    </section>
  );
}
