import { useState } from "preact/hooks";
import { idempotencyKey, ok } from "../../api/client.js";
import type { Patient, ProtocolId, Series, Slot } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { serviceName } from "../../labels.js";
import { hrefOf } from "../../router.js";
import { formatDateOf, formatDateTime, formatTimeRange } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { SlotPicker } from "../../ui/slot-picker.js";
import { useAction } from "../../ui/use-action.js";
import { SeriesPreview } from "./series-preview.js";

/**
 * A whole treatment series from its first session: the API plans the rest by the protocol's spacing at
 * the same time of day where it can, all or nothing. Only protocols a clinician cleared the patient for
 * are offered; the API checks again (eligibility, REMS) and says why when it refuses.
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

  if (eligible.length === 0) {
    return (
      <p class="notice">
        Not cleared for a treatment yet. A clinician records the consultation's outcome first (Clinician
        page).
      </p>
    );
  }
  const protocol = eligible.find((p) => p.id === protocolId) ?? eligible[0]!;

  const book = async (e: Event) => {
    e.preventDefault();
    if (!slot) return;
    await run("book", async () => {
      const body = { patientId: patient.id, protocolId: protocol.id, start: slot.start };
      setBooked(ok(await api.POST("/series", { params: { header: { "idempotency-key": key } }, body })));
    });
  };

  if (booked) {
    return (
      <div class="done" role="status">
        <p>
          <strong>
            {serviceName(booked.protocolId, protocols)}: {booked.sessions.length} sessions booked.
          </strong>{" "}
          The patient gets one confirmation listing every session.
        </p>
        <ol class="sessions">
          {booked.sessions.map((s) => (
            <li key={s.id}>
              {formatDateOf(s.start, zone)}, {formatTimeRange(s.start, s.end, zone)}
            </li>
          ))}
        </ol>
        <a href={hrefOf({ page: "patient", id: patient.id })}>Open the patient's record</a>
      </div>
    );
  }
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
      <SeriesPreview patientId={patient.id} protocolId={protocol.id} start={slot?.start} />
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton busy={!!busy} busyLabel="Planning and booking…" disabled={!slot}>
          {slot ? `Book the series from ${formatDateTime(slot.start, zone)}` : "Choose the first session"}
        </BusyButton>
      </div>
    </form>
  );
}
