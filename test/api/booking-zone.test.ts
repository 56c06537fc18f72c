import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { apiHarness, newPatient } from "../support/api-harness.js";

const allWeek = { open: "08:00", close: "18:00" };

describe("bookings read the clinic-local day of the saved clinic's zone", () => {
  it("counts capacity on the right day when the saved zone differs from the deployment's", async () => {
    // Deployed with New York defaults; the admin has since saved Tokyo. 09:00 in Tokyo on 2 December is
    // still 1 December in New York, so a booking that read New York's day would double-book the office.
    const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, offices: 1 } });
    const hours = {
      mon: [allWeek],
      tue: [allWeek],
      wed: [allWeek],
      thu: [allWeek],
      fri: [allWeek],
      sat: [],
      sun: [],
    };
    const saved = await api.call(
      "PUT",
      "/clinic",
      { ...DEFAULT_CLINIC, timezone: "Asia/Tokyo", offices: 1, hours },
      { role: "admin" },
    );
    expect(saved.status).toBe(200);
    const start = "2026-12-02T09:00:00+09:00";
    const book = async (email: string) => {
      const patient = await api.call("POST", "/patients", newPatient({ email }));
      return api.call("POST", "/appointments", {
        patientId: patient.body.id,
        service: "consultation",
        start,
      });
    };
    expect((await book("first@example.com")).status).toBe(201);
    const second = await book("second@example.com");
    expect(second.status).toBe(409);
    const days = (await api.allItems()).filter((i) => i.type === "capacity");
    expect(days.map((d) => d.date)).toEqual(["2026-12-02"]);
  });
});
