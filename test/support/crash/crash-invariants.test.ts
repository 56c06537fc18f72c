import { describe, expect, it } from "vitest";
import { checkSpacing } from "./crash-invariants.js";

const kap = new Map([["kap", { spacing: { phases: [{ minGapHours: 12 * 24 }] } }]]);
const session = (id: string, service: string, start: string) => ({
  id,
  patientId: "p",
  service,
  start,
  end: start,
  status: "booked",
  seriesId: "s",
  reminders: [],
});

describe("the crash test's spacing invariant", () => {
  it("measures a series' doses against each other, not against the integration sessions booked with them", () => {
    const violations: string[] = [];
    checkSpacing(
      [
        session("d1", "kap", "2027-01-04T15:00:00.000Z"),
        session("i1", "integration", "2027-01-05T15:00:00.000Z"),
        session("d2", "kap", "2027-01-18T15:00:00.000Z"),
        session("i2", "integration", "2027-01-19T15:00:00.000Z"),
      ],
      kap,
      violations,
    );
    expect(violations).toEqual([]);
  });

  it("still reports doses closer than the protocol allows", () => {
    const violations: string[] = [];
    checkSpacing(
      [session("d1", "kap", "2027-01-04T15:00:00.000Z"), session("d2", "kap", "2027-01-05T15:00:00.000Z")],
      kap,
      violations,
    );
    expect(violations).toEqual(["series s: sessions 1 and 2 only 1 days apart"]);
  });
});
