import { describe, expect, it } from "vitest";
import { answerRefusal, cancellationDeadline } from "../../shared/domain/patient-answer.js";
import { at, clinicWith, wall } from "./support.js";

const NY = "America/New_York";
const clinic = clinicWith({});
const START = at("2026-12-08T10:00", NY);
const booked = { status: "booked" as const, start: START, confirmation: "unconfirmed" as const };

function refusal(overrides: Partial<Parameters<typeof answerRefusal>[0]> & { nowLocal?: string }) {
  const { nowLocal, ...rest } = overrides;
  return answerRefusal({
    action: "confirm",
    appointment: booked,
    linkStart: START,
    clinic,
    now: at(nowLocal ?? "2026-12-06T12:00", NY),
    ...rest,
  });
}

describe("what a patient may answer from a link", () => {
  it("confirms a booked, unconfirmed appointment at the time the email named", () => {
    expect(refusal({})).toBeUndefined();
    expect(refusal({ appointment: { ...booked, confirmation: "confirmed" } })).toBe("already-confirmed");
    // Cancelling a visit they had confirmed is fine: plans change.
    expect(
      refusal({ action: "cancel", appointment: { ...booked, confirmation: "confirmed" } }),
    ).toBeUndefined();
  });

  it("refuses a link for a time the appointment no longer has, or one cancelled, started or past", () => {
    expect(refusal({ linkStart: at("2026-12-08T11:00", NY) })).toBe("moved");
    expect(refusal({ appointment: { ...booked, status: "cancelled" } })).toBe("cancelled");
    expect(refusal({ appointment: { ...booked, status: "no-show" } })).toBe("started");
    expect(refusal({ nowLocal: "2026-12-08T10:00" })).toBe("started");
  });

  it("lets the patient cancel until cancellationNoticeHours before the start, then asks them to call", () => {
    expect(refusal({ action: "cancel", nowLocal: "2026-12-07T10:00" })).toBeUndefined();
    expect(refusal({ action: "cancel", nowLocal: "2026-12-07T10:01" })).toBe("too-late-to-cancel");
    // Confirming is welcome right up to the start.
    expect(refusal({ action: "confirm", nowLocal: "2026-12-08T09:59" })).toBeUndefined();
    const strict = clinicWith({ cancellationNoticeHours: 48 });
    expect(refusal({ action: "cancel", clinic: strict, nowLocal: "2026-12-06T10:01" })).toBe(
      "too-late-to-cancel",
    );
  });

  it("counts the notice in elapsed hours across a DST change, as the page shows it", () => {
    // Sunday 8 March 2026 springs forward at 2:00: 24 elapsed hours before Monday 10:00 EDT is Sunday 10:00,
    // and before Sunday 10:00 EDT it is Saturday 9:00 EST.
    expect(wall(cancellationDeadline(clinic, at("2026-03-09T10:00", NY)), NY)).toBe("2026-03-08 Sun 10:00");
    expect(wall(cancellationDeadline(clinic, at("2026-03-08T10:00", NY)), NY)).toBe("2026-03-07 Sat 09:00");
    // Falling back on 1 November: the night is 25 hours long.
    expect(wall(cancellationDeadline(clinic, at("2026-11-01T10:00", NY)), NY)).toBe("2026-10-31 Sat 11:00");
  });
});
