import { describe, expect, it } from "vitest";
import { DEFAULT_CLINIC } from "../../shared/domain/clinic.js";
import { apiHarness, eligiblePatient, newPatient } from "../support/api-harness.js";

const allWeek = { open: "08:00", close: "18:00" };

const hours = {
  mon: [allWeek],
  tue: [allWeek],
  wed: [allWeek],
  thu: [allWeek],
  fri: [allWeek],
  sat: [],
  sun: [],
};

/**
 * Deployed with New York defaults; the admin has since saved Tokyo with one office. 09:00 in Tokyo is
 * still the day before in New York, so a use case that read New York's day would count the wrong bookings.
 */
async function tokyoClinic() {
  const api = await apiHarness({ clinic: { ...DEFAULT_CLINIC, offices: 1 } });
  const saved = await api.call(
    "PUT",
    "/clinic",
    { ...DEFAULT_CLINIC, timezone: "Asia/Tokyo", offices: 1, chairs: 1, hours },
    { role: "admin" },
  );
  expect(saved.status).toBe(200);
  return api;
}

describe("bookings read the clinic-local day of the saved clinic's zone", () => {
  it("counts capacity on the right day when the saved zone differs from the deployment's", async () => {
    const api = await tokyoClinic();
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

  it("frees and takes the right days when an appointment is moved or cancelled", async () => {
    const api = await tokyoClinic();
    const book = async (email: string, start: string) => {
      const patient = await api.call("POST", "/patients", newPatient({ email }));
      return api.call("POST", "/appointments", {
        patientId: patient.body.id,
        service: "consultation",
        start,
      });
    };
    const first = await book("first@example.com", "2026-12-02T09:00:00+09:00");
    expect(first.status).toBe(201);
    // Moved to the 3rd: Tokyo's 2 December is free again, the 3rd is taken.
    const moved = await api.call("POST", `/appointments/${first.body.id}/reschedule`, {
      start: "2026-12-03T09:00:00+09:00",
    });
    expect(moved.status).toBe(200);
    expect((await book("second@example.com", "2026-12-02T09:00:00+09:00")).status).toBe(201);
    expect((await book("third@example.com", "2026-12-03T09:00:00+09:00")).status).toBe(409);
    // Cancelled: the 3rd is free again.
    const cancelled = await api.call("POST", `/appointments/${first.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect((await book("fourth@example.com", "2026-12-03T09:00:00+09:00")).status).toBe(201);
    const days = (await api.allItems()).filter((i) => i.type === "capacity");
    expect(days.map((d) => [d.date, Object.keys(d.bookings).length]).sort()).toEqual([
      ["2026-12-02", 1],
      ["2026-12-03", 1],
    ]);
  });

  it("books a series on the saved clinic's days, and sees the chairs they hold", async () => {
    const api = await tokyoClinic();
    const series = async (email: string) =>
      api.call("POST", "/series", {
        patientId: await eligiblePatient(api, ["iv-ketamine"], { email }),
        protocolId: "iv-ketamine",
        // Monday in Tokyo, still Sunday in New York.
        start: "2026-12-07T09:00:00+09:00",
      });
    const first = await series("first@example.com");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const tokyoDays = first.body.sessions.map((s: { start: string }) =>
      new Date(s.start).toLocaleDateString("en-CA", { timeZone: "Asia/Tokyo" }),
    );
    const days = (await api.allItems())
      .filter((i) => i.type === "capacity" && i.resource === "chair")
      .map((d) => d.date);
    expect(days.sort()).toEqual(tokyoDays.sort());
    // The one chair is taken at that hour on the first day.
    expect((await series("second@example.com")).status).toBe(409);
  });
});
