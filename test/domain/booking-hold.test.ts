import { describe, expect, it } from "vitest";
import { holdEndsAt, mayChangeSilently } from "../../shared/domain/booking-hold.js";
import type { Reminder, ReminderKind, ReminderStatus } from "../../shared/domain/types.js";
import { clinicWith } from "./support.js";

const clinic = clinicWith({}); // notificationDelayMinutes: 2
const BOOKED = "2026-12-07T14:00:00.000Z";
const reminder = (kind: ReminderKind, status: ReminderStatus = "scheduled"): Reminder => ({
  id: kind,
  kind,
  dueAt: "2026-12-07T14:02:00.000Z",
  status,
  version: 1,
});
const booking = (...reminders: Reminder[]) => ({ createdAt: BOOKED, reminders });
const plain = booking(reminder("confirmation"), reminder("reminder"));

describe("the booking hold", () => {
  it("ends notificationDelayMinutes after the booking", () => {
    expect(holdEndsAt(clinic, BOOKED)).toBe("2026-12-07T14:02:00.000Z");
    expect(holdEndsAt(clinicWith({ notificationDelayMinutes: 0 }), BOOKED)).toBe(BOOKED);
  });

  it("lets a change within it tell the patient nothing, and not a moment after", () => {
    expect(mayChangeSilently(plain, clinic, "2026-12-07T14:01:59.999Z")).toBe(true);
    expect(mayChangeSilently(plain, clinic, "2026-12-07T14:02:00.000Z")).toBe(false);
    expect(mayChangeSilently(plain, clinicWith({ notificationDelayMinutes: 0 }), BOOKED)).toBe(false);
  });

  it("tells the patient once any email of the booking went out or failed, or a notice is planned", () => {
    const within = "2026-12-07T14:01:00.000Z";
    for (const heard of [
      booking(reminder("confirmation", "sent")),
      booking(reminder("confirmation", "failed")),
      booking(reminder("confirmation", "cancelled"), reminder("reschedule")),
      booking(reminder("cancellation", "cancelled")),
    ]) {
      expect(mayChangeSilently(heard, clinic, within), JSON.stringify(heard.reminders)).toBe(false);
    }
    // A confirmation a silent move called off was never in anyone's hands: still nothing heard.
    expect(
      mayChangeSilently(
        booking(reminder("confirmation", "cancelled"), reminder("confirmation")),
        clinic,
        within,
      ),
    ).toBe(true);
  });
});
