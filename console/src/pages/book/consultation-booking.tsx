import { useState } from "preact/hooks";
import { idempotencyKey, ok } from "../../api/client.js";
import type { Appointment, Patient, Slot } from "../../api/types.js";
import { useConsole } from "../../app-context.js";
import { formatDateTime } from "../../time/clinic-time.js";
import { BusyButton } from "../../ui/busy-button.js";
import { ProblemNote } from "../../ui/problem-note.js";
import { SlotPicker } from "../../ui/slot-picker.js";
import { useAction } from "../../ui/use-action.js";
import { BookedReminders } from "./booked-reminders.js";

/** A first consultation (an office, with a prescriber) at a free time. */
export function ConsultationBooking({ patient }: { patient: Patient }) {
  const { api, clinic } = useConsole();
  const [slot, setSlot] = useState<Slot>();
  const { busy, error, run } = useAction();
  const [booked, setBooked] = useState<Appointment>();
  const [key, setKey] = useState(idempotencyKey);

  const book = async (e: Event) => {
    e.preventDefault();
    if (!slot) return;
    await run("book", async () => {
      const body = { patientId: patient.id, service: "consultation" as const, start: slot.start };
      setBooked(
        ok(await api.POST("/appointments", { params: { header: { "idempotency-key": key } }, body })),
      );
    });
  };

  if (booked) {
    return (
      <div class="done" role="status">
        <p>
          <strong>Consultation booked</strong> for {formatDateTime(booked.start, clinic.timezone)}.
        </p>
        <BookedReminders appointments={[booked]} />
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setBooked(undefined);
            setSlot(undefined);
            setKey(idempotencyKey());
          }}
        >
          Book another consultation
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={book} class="stack">
      <SlotPicker
        service="consultation"
        selected={slot}
        onSelect={(s) => {
          setSlot(s);
          setKey(idempotencyKey());
        }}
        legend="Consultation time"
      />
      <ProblemNote error={error} />
      <div class="actions">
        <BusyButton busy={!!busy} busyLabel="Booking…" disabled={!slot}>
          {slot ? `Book consultation on ${formatDateTime(slot.start, clinic.timezone)}` : "Choose a time"}
        </BusyButton>
      </div>
    </form>
  );
}
