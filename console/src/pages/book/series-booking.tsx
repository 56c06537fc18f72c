import { useState } from "preact/hooks";
import { idempotencyKey, ok } from "../../api/client.js";
import type { Patient, ProtocolId, Series, Slot } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { serviceName } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { formatDateTime } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { SlotPicker } from "../../ui/slot-picker.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import { SeriesPreview } from "./series-preview.js";

/**
 * A whole treatment series from its first session, planned before it is booked: choosing the first
 * session asks `POST /series/preview` where every session would go (the protocol's spacing, the same time
 * of day where it can), and the desk books that plan with one click, or reads why no plan fits. Only
 * protocols a clinician cleared the patient for are offered; the API checks again (eligibility, REMS).
 */
export function SeriesBooking({ patient }: { patient: Patient }) {
  const { api, clinic, protocols } = useConsole();
  const eligible = protocols.filter((p) => patient.eligibleProtocols.includes(p.id));
  const [protocolId, setProtocolId] = useState<ProtocolId | undefined>(eligible[0]?.id);
  const [slot, setSlot] = useState<Slot>();
  const { busy, error, run } = useAction();
  const [booked, setBooked] = useState<Series>();
  const [key, setKey] = useState(idempotencyKey);
  const zone = clinic.timezone;
  const protocol = eligible.find((p) => p.id === protocolId) ?? eligible[0];
  const start = slot?.start;

  const preview = useLoad(async () => {
    if (!protocol || !start) return undefined;
    const body = { patientId: patient.id, protocolId: protocol.id, start };
    return ok(await api.POST("/series/preview", { body })).sessions;
  }, [protocol?.id, start]);

  if (!protocol) {
    return (
      <p class="notice">
        Not cleared for a treatment yet. A clinician records the consultation's outcome first (Clinician
        page).
      </p>
    );
  }

  const book = async (e: Event) => {
    e.preventDefault();
    if (!start) return;
    await run("book", async () => {
      const body = { patientId: patient.id, protocolId: protocol.id, start };
      setBooked(ok(await api.POST("/series", { params: { header: { "idempotency-key": key } }, body })));
    });
  };

  if (booked) {
    const planned = preview.data?.map((s) => s.start).join();
    const changed = planned !== undefined && planned !== booked.sessions.map((s) => s.start).join();
    return (
      <div class="done" role="status">
        <p>
          <strong>
            {serviceName(booked.protocolId, protocols)}: {booked.sessions.length} sessions booked.
          </strong>{" "}
          The patient gets one confirmation listing every session.
        </p>
        {changed && (
          <p class="notice">
            Someone booked a chair since the preview, so some sessions went to other times. These are the
            booked times.
          </p>
        )}
        <SeriesPreview
          sessions={booked.sessions.map((s, i) => ({
            sequence: s.sequence ?? i + 1,
            start: s.start,
            end: s.end,
          }))}
          zone={zone}
          caption="Booked sessions"
        />
        <a href={hrefOf({ page: "patient", id: patient.id })}>Open the patient's record</a>
      </div>
    );
  }

  // useLoad keeps the last good answer through a refusal: a refused plan must not show the one before it.
  const sessions = start && !preview.error ? preview.data : undefined;
  const buttonLabel = !start
    ? "Choose the first session"
    : preview.loading
      ? "Planning…"
      : sessions
        ? `Book these ${sessions.length} sessions`
        : "No plan to book";
  return (
    <form onSubmit={book} class="stack">
      <label>
        Treatment
        <select
          value={protocol.id}
          onChange={(e) => {
            setProtocolId((e.target as HTMLSelectElement).value as ProtocolId);
            setSlot(undefined);
            setKey(idempotencyKey());
          }}
        >
          {eligible.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.sessions} sessions, {p.sessionMinutes} min)
            </option>
          ))}
        </select>
      </label>
      {protocol.remsRequired && !patient.remsEnrolled && (
        <p class="notice">This treatment needs REMS enrollment, which this patient's record does not show.</p>
      )}
      <SlotPicker
        key={protocol.id}
        service={protocol.id}
        selected={slot}
        onSelect={(s) => {
          setSlot(s);
          setKey(idempotencyKey());
        }}
        legend="First session"
      />
      {start && (
        <section class="preview" aria-labelledby="preview-title" aria-busy={preview.loading}>
          <h3 id="preview-title">Plan from {formatDateTime(start, zone)}</h3>
          {preview.loading && <p class="hint">Planning every session…</p>}
          {!preview.loading && preview.error ? (
            <>
              <ProblemNote error={preview.error} />
              <p class="hint">Nothing is booked. Choose another first session.</p>
            </>
          ) : null}
          {!preview.loading && sessions && (
            <SeriesPreview sessions={sessions} zone={zone} caption="Planned sessions (not booked yet)" />
          )}
        </section>
      )}
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton
          busy={busy === "book"}
          busyLabel="Booking…"
          disabled={!sessions || preview.loading || !!preview.error}
        >
          {buttonLabel}
        </BusyButton>
      </div>
    </form>
  );
}
